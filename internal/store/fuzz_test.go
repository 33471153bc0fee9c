package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

func FuzzDecodeExport(f *testing.F) {
	f.Add([]byte(`{"format":"sdprep-progress","version":1,"settings":{"new_per_day":"20"},"cards":[{"id":"c","due":"2026-12-01T09:00:00Z","stability":2,"difficulty":5,"elapsed_days":0,"scheduled_days":1,"reps":1,"lapses":0,"state":2,"last_review":"2026-11-30T09:00:00Z"}],"reviews":[{"id":"r","card_id":"c","rating":3,"state":0,"elapsed_days":0,"scheduled_days":0,"reviewed_at":"2026-11-30T09:00:00Z","practice":false,"duration_ms":1200}],"quiz_attempts":[{"id":"q","question_id":"x","topics":["caching"],"chosen":[1],"correct":true,"answered_at":"2026-11-30T09:00:00Z","duration_ms":5}],"estimation_attempts":[{"id":"e","quantity":"write_qps","preset":"","seed":1,"answer":2,"truth":3,"unit":"1/s","error":0.17,"grade":"pass","answered_at":"2026-11-30T09:00:00Z","duration_ms":5}]}`))
	f.Add([]byte(`{"format":"sdprep-progress","version":1,"reviews":[{"id":"r","rating":9}]}`))
	f.Add([]byte(`{"format":"sdprep-progress","version":2}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"cards":[null]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := DecodeExport(bytes.NewReader(data))
		if err != nil {
			var ie *ImportError
			if !errors.As(err, &ie) || !errors.Is(err, ErrBadImport) {
				t.Fatalf("error %v is not an *ImportError", err)
			}
			return
		}
		// A valid file survives a round trip unchanged.
		b, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		y, err := DecodeExport(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("re-decoding a valid export: %v\n%s", err, b)
		}
		if !reflect.DeepEqual(x, y) {
			t.Fatalf("round trip changed the export:\n%+v\n%+v", x, y)
		}
	})
}
