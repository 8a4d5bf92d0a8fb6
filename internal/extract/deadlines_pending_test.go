package extract

import (
	"strings"
	"testing"
)

// TestDeadlinesImmediateAndSchoolDays checks two wordings of the seventh
// written English round: a breach notice that is only "immediate" (no
// number of hours: the value stays empty and the note says why, as for
// "without undue delay"), including POPIA's "accessed or acquired by any
// unauthorised person", and periods in school days, which count like
// working days (five a week).
func TestDeadlinesImmediateAndSchoolDays(t *testing.T) {
	tests := []struct {
		name, text string
		breach     int    // 0 = want none
		breachNote string // substring of the note when breach is 0; "" = the no-deadline note
		subNotice  int    // 0 = want none
	}{
		{"popia immediately", "5.3 The Operator shall notify the Responsible Party immediately where there are reasonable grounds to believe that the Personal Information has been accessed or acquired by any unauthorised person.", 0, "immediately", 0},
		{"breach immediately", "The Processor shall inform the Controller immediately of any personal data breach affecting the Customer Data.", 0, "immediately", 0},
		{"incident immediately", "Party B shall immediately notify Party A in writing of any personal information security incident.", 0, "immediately", 0},
		{"immediately is no deadline for an instruction", "We will tell you immediately if we think an instruction you give us infringes data protection law.", 0, "no breach", 0},
		{"immediate measures, notice in hours", "In the event of a personal information security incident, Party B shall immediately take remedial measures and inform Party A in writing within 24 hours.", 24, "", 0},
		{"school days notice", "Other processors: the Provider will tell the School at least 20 school days before adding or replacing a sub-processor, and the School may object.", 0, "no breach", 28},
		{"school days notice in advance", "The Supplier will notify the Academy of any new sub-processor at least ten school days in advance.", 0, "no breach", 14},
		{"school year is no period", "The Supplier may replace a sub-processor before the next school year after it has notified the School.", 0, "no breach", 0},
	}
	for _, tc := range tests {
		d := run(t, "en", tc.text).Deadlines
		if got := ptr(d.BreachNoticeHours); got != tc.breach {
			t.Errorf("%s: breach_notice_hours %d, want %d", tc.name, got, tc.breach)
		}
		if tc.breach == 0 && !strings.Contains(d.Notes["breach_notice_hours"], tc.breachNote) {
			t.Errorf("%s: breach note %q, want it to say %q", tc.name, d.Notes["breach_notice_hours"], tc.breachNote)
		}
		if got := ptr(d.SubprocessorNoticeDays); got != tc.subNotice {
			t.Errorf("%s: subprocessor_notice_days %d, want %d", tc.name, got, tc.subNotice)
		}
	}
}
