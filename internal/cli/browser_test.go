package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/input"
)

// lockedBuffer is a bytes.Buffer safe for a writer and a reader.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// chromium returns the browser binary, skipping the test when there is
// none outside CI.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed (apt-get install chromium); browser tests must run in CI")
	}
	t.Skip("chromium not installed: browser end-to-end test skipped (apt-get install chromium)")
	return ""
}

// screenshotDir is where the test writes its screenshots:
// $ART28_SCREENSHOTS, else a temporary directory.
func screenshotDir(t *testing.T) string {
	if d := os.Getenv("ART28_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

var setupLinkRe = regexp.MustCompile(`(http://[^\s]+/setup\?token=\S+)`)

// TestBrowserEndToEnd runs art28 serve on an empty database and drives it
// with headless Chromium: the first administrator from the printed setup
// link, the five seeds uploaded as PDF and DOCX, a contract opened, a
// status overridden with a reason, a finding confirmed, a contract whose
// audits clause only the safety net reads (marked for review), the portfolio
// filtered for third-country sub-processors, the XLSX downloaded, a
// second organisation with a viewer, who sees only that organisation,
// and log out.
func TestBrowserEndToEnd(t *testing.T) {
	bin := chromium(t)
	seeds, _ := filepath.Glob(filepath.Join("..", "input", "testdata", "rendered", "00[0-4]_*.pdf"))
	if len(seeds) != 5 {
		t.Fatalf("rendered seeds: %d", len(seeds))
	}
	var files []string
	for i, p := range seeds {
		if i%2 == 1 {
			p = strings.TrimSuffix(p, ".pdf") + ".docx"
		}
		abs, _ := filepath.Abs(p)
		files = append(files, abs)
	}
	shots := screenshotDir(t)
	downloads := t.TempDir()

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var stderr lockedBuffer
	done := make(chan int, 1)
	go func() {
		code, err := serve(ctx, []string{"--addr", "127.0.0.1:0", "--db", "sqlite:" + filepath.Join(t.TempDir(), "e2e.db")}, testEnv(&stderr))
		if err != nil {
			stderr.Write([]byte(err.Error()))
		}
		done <- code
	}()
	var link string
	for i := 0; i < 200 && link == ""; i++ {
		time.Sleep(50 * time.Millisecond)
		if m := setupLinkRe.FindStringSubmatch(stderr.String()); m != nil {
			link = m[1]
		}
	}
	if link == "" {
		t.Fatalf("no setup link printed:\n%s", stderr.String())
	}
	base := link[:strings.Index(link, "/setup")]

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900),
	}
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()

	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			buf, err := chromedp.CaptureScreenshot()(ctx, tg)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name+".png"), buf, 0o644)
		})
	}
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, actions...); err != nil {
			t.Fatalf("%s: %v\nserver log:\n%s", step, err, tail(stderr.String(), 2000))
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }

	run("setup",
		chromedp.Navigate(link+"&lang=en"),
		chromedp.WaitVisible(css(`input[name=org]`)),
		chromedp.SendKeys(css(`input[name=org]`), "Acme GmbH"),
		chromedp.SendKeys(css(`input[name=email]`), "dpo@acme.example"),
		chromedp.SendKeys(css(`input[name=password]`), "a-long-admin-password"),
		shot("setup"),
		chromedp.Submit(css(`input[name=password]`)),
		chromedp.WaitVisible(css(`#contracts`)),
	)
	run("upload",
		chromedp.Navigate(base+"/upload"),
		chromedp.WaitVisible(css(`input[name=file]`)),
		chromedp.SetUploadFiles(css(`input[name=file]`), files),
		chromedp.Click(css(`#upload-submit`)),
		chromedp.WaitVisible(css(`#upload-results`)),
		shot("upload"),
	)
	if got := text(`#upload-results`); strings.Count(got, "Version 1") != 5 {
		t.Fatalf("not all 5 seeds uploaded:\n%s", got)
	}
	rows, err := chromedp.Run(bctx, chromedp.Evaluate[[][]string](`[...document.querySelectorAll('#upload-results tbody tr')].map(r => [r.cells[0].textContent.trim(), ((r.cells[1].querySelector('a') || {}).textContent || '').trim()])`))
	if err != nil {
		t.Fatalf("upload results: %v", err)
	}
	checkFiledUnderVendor(t, rows, seedVendors(t))
	run("portfolio",
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(css(`#contracts tbody a`)),
		shot("portfolio"),
		chromedp.Click(css(`#contracts tbody a`)),
		chromedp.WaitVisible(css(`#checklist`)),
		shot("contract"),
	)
	before := text(`[data-testid=status-instructions]`)
	run("override",
		chromedp.Click(css(`#d1-req-instructions details summary`)),
		chromedp.SetValue(css(`#d1-req-instructions select[name=status]`), "not-applicable"),
		chromedp.SendKeys(css(`[data-testid=reason-instructions]`), "Instructions are governed by the master agreement"),
		chromedp.Click(css(`[data-testid=override-instructions]`)),
		chromedp.WaitVisible(css(`.flash`)),
	)
	if got := text(`[data-testid=status-instructions]`); got != "n/a" {
		t.Errorf("status after override = %q (was %q), want n/a", got, before)
	}
	run("confirm finding",
		chromedp.Click(css(`button[data-testid^=confirm-]`)),
		chromedp.WaitVisible(css(`.flash`)),
	)
	// The override's flash is still on the page when the confirmation's
	// page loads: wait for the confirmation itself.
	if got := waitText(bctx, `#findings p.who`, "confirmed · dpo@acme.example"); !strings.Contains(got, "confirmed · dpo@acme.example") {
		t.Errorf("finding not confirmed: %.400s", got)
	}
	run("findings screenshot", chromedp.ScrollIntoView(css(`#findings`)), shot("findings"))
	// A contract whose only clause on audits is one the safety net reads:
	// the checklist marks the partial status for review and explains why.
	unc, _ := filepath.Abs(filepath.Join("testdata", "uncertain-avv.txt"))
	run("upload a contract with an uncertain verdict",
		chromedp.Navigate(base+"/upload"),
		chromedp.WaitVisible(css(`input[name=file]`)),
		chromedp.SetUploadFiles(css(`input[name=file]`), []string{unc}),
		// One uploaded file leads straight to its contract.
		chromedp.Click(css(`#upload-submit`)),
		chromedp.WaitVisible(css(`[data-testid=uncertain-audits]`)),
		chromedp.ScrollIntoView(css(`[data-testid=uncertain-audits]`)),
		shot("uncertain"),
	)
	if got := text(`[data-testid=status-audits]`) + " " + text(`[data-testid=uncertain-audits]`); got != "partial review" {
		t.Errorf("audits status %q, want \"partial review\"", got)
	}
	if got := text(`tr:has([data-testid=uncertain-audits]) p.uncertain`); !strings.Contains(got, "read the cited clause") {
		t.Errorf("no explanation under the uncertain verdict: %q", got)
	}
	if n := countSel(t, bctx, `[data-testid^=uncertain-]`); n != 1 {
		t.Errorf("%d uncertain marks, want 1 (audits)", n)
	}
	run("filter third countries",
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(css(`#f-third`)),
		chromedp.Click(css(`#f-third`)),
	)
	// The unfiltered page has the same table, so waiting for it after the
	// click could pass on the old page and the screenshot then be taken
	// while the browser navigates (a hang of the whole test, seen in CI):
	// RunResponse waits for the filtered page to load.
	if _, err := chromedp.RunResponse(bctx, chromedp.Click(css(`#apply`))); err != nil {
		t.Fatalf("apply filter: %v\nserver log:\n%s", err, tail(stderr.String(), 2000))
	}
	run("filtered portfolio",
		chromedp.WaitVisible(css(`#contracts`)),
		shot("portfolio-third-country"),
	)
	if loc, err := chromedp.Run(bctx, chromedp.Location()); err != nil || !strings.Contains(loc, "third=1") {
		t.Errorf("filter not applied: %s %v", loc, err)
	}
	run("download xlsx",
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			ev := true
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads, EventsEnabled: &ev})
			return err
		}),
		chromedp.Click(css(`#xlsx`)),
	)
	var xlsx []byte
	for i := 0; i < 100 && xlsx == nil; i++ {
		time.Sleep(100 * time.Millisecond)
		if ms, _ := filepath.Glob(filepath.Join(downloads, "*.xlsx")); len(ms) > 0 {
			xlsx, _ = os.ReadFile(ms[0])
		}
	}
	if !bytes.HasPrefix(xlsx, []byte("PK")) {
		t.Errorf("no XLSX downloaded")
	}
	run("subprocessors", chromedp.Navigate(base+"/subprocessors"), chromedp.WaitVisible(css(`#subprocessors`)), shot("subprocessors"))
	run("second organisation and a viewer",
		chromedp.Navigate(base+"/admin/orgs"),
		chromedp.WaitVisible(css(`#create-org`)),
		chromedp.SendKeys(css(`input[name=name]`), "Beta Mandant AG"),
		chromedp.Click(css(`#create-org`)),
		chromedp.WaitVisible(css(`#add-user`)),
		chromedp.SendKeys(css(`input[name=email]`), "viewer@beta.example"),
		chromedp.SendKeys(css(`input[name=password]`), "a-long-viewer-password"),
		chromedp.SetValue(css(`select[name=role]`), "viewer"),
		chromedp.Click(css(`#add-user`)),
		chromedp.WaitVisible(css(`.flash`)),
		shot("admin-users"),
	)
	if got := text(`#users`); !strings.Contains(got, "viewer@beta.example") {
		t.Errorf("viewer not added: %s", got)
	}
	run("audit", chromedp.Navigate(base+"/admin/audit"), chromedp.WaitVisible(css(`#audit`)), shot("audit"))
	run("logout admin", chromedp.Click(css(`#logout`)), chromedp.WaitVisible(css(`input[name=email]`)))
	run("viewer",
		chromedp.SendKeys(css(`input[name=email]`), "viewer@beta.example"),
		chromedp.SendKeys(css(`input[name=password]`), "a-long-viewer-password"),
		chromedp.Submit(css(`input[name=password]`)),
		chromedp.WaitVisible(css(`#contracts`)),
		shot("viewer"),
	)
	if org := text(`[data-testid=org]`); org != "Beta Mandant AG" {
		t.Errorf("viewer's organisation = %q", org)
	}
	page := text(`body`)
	if strings.Contains(page, "Acme") || strings.Contains(page, "GmbH") || !strings.Contains(page, "No contracts yet") {
		t.Errorf("viewer sees more than their organisation:\n%.600s", page)
	}
	if strings.Contains(page, "Upload") || strings.Contains(page, "Administration") {
		t.Error("viewer is offered upload or administration")
	}
	run("logout viewer", chromedp.Click(css(`#logout`)), chromedp.WaitVisible(css(`input[name=email]`)),
		chromedp.Navigate(base+"/"), chromedp.WaitVisible(css(`input[name=email]`)))
	cancel()
	select {
	case code := <-done:
		if code != ExitOK {
			t.Errorf("serve exit %d:\n%s", code, tail(stderr.String(), 2000))
		}
	case <-time.After(30 * time.Second):
		t.Error("serve did not shut down")
	}
	t.Logf("screenshots in %s", shots)
}

// countSel counts the elements a CSS selector matches on the current page.
func countSel(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(sel)+`).length`))
	if err != nil {
		t.Fatalf("count %s: %v", sel, err)
	}
	return n
}

// seedDir holds the plain-text seeds the rendered fixtures were made from.
const seedDir = "../../../shared/corpus/seeds"

// seedVendors returns the processor each plain-text seed names, by the
// seed's file name without extension; empty when the seeds are not beside
// the repository.
func seedVendors(t *testing.T) map[string]string {
	t.Helper()
	seeds, _ := filepath.Glob(filepath.Join(seedDir, "00[0-4]_*.txt"))
	a := analyze.New(catalog.Default())
	out := map[string]string{}
	for _, p := range seeds {
		doc, raw, err := input.Read(p, input.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if r := a.Analyze(doc, raw, analyze.Options{}); r.Parties.Processor != nil {
			out[strings.TrimSuffix(filepath.Base(p), ".txt")] = r.Parties.Processor.Name
		}
	}
	return out
}

// checkFiledUnderVendor checks the upload results (file name, vendor
// link): each rendered seed is filed under the processor its text names,
// never under its file name.
func checkFiledUnderVendor(t *testing.T, rows [][]string, vendors map[string]string) {
	t.Helper()
	if len(rows) != 5 {
		t.Errorf("upload results: %d rows, want 5: %q", len(rows), rows)
	}
	for _, r := range rows {
		if len(r) != 2 {
			t.Errorf("upload result row %q", r)
			continue
		}
		stem := strings.TrimSuffix(r[0], filepath.Ext(r[0]))
		switch want, ok := vendors[stem]; {
		case r[1] == "" || r[1] == stem:
			t.Errorf("%s filed under %q, its file name, not its processor", r[0], r[1])
		case ok && r[1] != want:
			t.Errorf("%s filed under %q, want the processor the text names, %q", r[0], r[1], want)
		}
	}
}

// waitText polls the text of sel, up to a hundred times a tenth of a
// second apart, until it holds want, riding out a page that is replaced
// while it is read; it returns the last text read.
func waitText(ctx context.Context, sel, want string) string {
	var got string
	for i := 0; i < 100; i++ {
		if s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel))); err == nil {
			got = s
			if strings.Contains(s, want) {
				break
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return got
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

func testEnv(w *lockedBuffer) Env {
	return Env{Stdout: w, Stderr: w, IsTerminal: func(io.Writer) bool { return false }, Getenv: func(string) string { return "" }}
}
