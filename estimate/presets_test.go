package estimate

import "testing"

// Params, Presets and PresetByName hand out copies: a caller that changes
// them changes nothing for the next caller.
func TestTablesAreCopies(t *testing.T) {
	ps := Params()
	ps[0].Name = "changed"
	pr := Presets()
	pr[0].Name = "changed"
	p, ok := PresetByName(Presets()[1].Name)
	if !ok {
		t.Fatal("no second preset")
	}
	p.Name = "changed"
	if Params()[0].Name == "changed" || Presets()[0].Name == "changed" || Presets()[1].Name == "changed" {
		t.Fatal("a caller changed the estimator's tables")
	}
}
