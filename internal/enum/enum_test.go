package enum

import (
	"errors"
	"strings"
	"testing"
)

type color int

var errColor = errors.New("unknown color")

var colors = Names[color]{Type: "color", Names: []string{"dark-red", "green"}, Err: errColor}

func TestNames(t *testing.T) {
	for in, want := range map[string]color{"dark-red": 0, "Dark_Red": 0, " GREEN ": 1, "dark red": 0} {
		if got, err := colors.Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := colors.Parse("blue"); !errors.Is(err, errColor) || !strings.Contains(err.Error(), "dark-red, green") {
		t.Errorf("Parse(blue) = %v", err)
	}
	if colors.String(1) != "green" || colors.String(5) != "color(5)" || colors.Valid(-1) || !colors.Valid(1) {
		t.Error("String or Valid")
	}
	b, err := colors.MarshalText(0)
	var back color
	if err != nil || string(b) != "dark-red" || colors.UnmarshalText(b, &back) != nil || back != 0 {
		t.Errorf("round trip: %q, %v, %v", b, err, back)
	}
	if _, err := colors.MarshalText(9); !errors.Is(err, errColor) {
		t.Errorf("MarshalText(9) = %v", err)
	}
	if err := colors.UnmarshalText([]byte("blue"), &back); !errors.Is(err, errColor) {
		t.Errorf("UnmarshalText(blue) = %v", err)
	}
}
