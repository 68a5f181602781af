namespace ProbeHarness.Reporting.Writers;

/// <summary>The page's inline style sheet: the report must open from disk with nothing fetched, and fit a 1280 px screen without scrolling sideways.</summary>
public static partial class HtmlReportWriter
{
    private const string Styles = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5rem; color: #1d2330; }
        h1 { margin: 0.2rem 0 1rem; }
        .banner { padding: 0.8rem 1rem; font-weight: 700; border-radius: 6px; margin-bottom: 1rem; }
        .banner.emulated { background: #fff3cd; border: 2px solid #e0a800; color: #7a5200; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
        th, td { border: 1px solid #d5d9e0; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; font-size: 0.9rem; }
        th { background: #f2f4f7; }
        .facts th { width: 10rem; }
        table.scenarios { width: 100%; table-layout: fixed; }
        table.scenarios th, table.scenarios td { font-size: 0.8rem; padding: 0.25rem 0.35rem; overflow-wrap: anywhere; }
        table.scenarios th:nth-child(1) { width: 7%; } table.scenarios th:nth-child(2) { width: 14%; } table.scenarios th:nth-child(3) { width: 10%; }
        table.scenarios th:nth-child(4) { width: 8%; } table.scenarios th:nth-child(5) { width: 13%; } table.scenarios th:nth-child(6) { width: 11%; }
        table.scenarios th:nth-child(7) { width: 8%; } table.scenarios th:nth-child(8) { width: 7%; } table.scenarios th:nth-child(9) { width: 7%; }
        table.scenarios th:nth-child(10) { width: 6%; } table.scenarios th:nth-child(11) { width: 5%; } table.scenarios th:nth-child(12) { width: 4%; }
        table.scenarios td:nth-child(1) { font-size: 0.75rem; }
        td details summary { font-weight: 400; color: #2f6fd6; }
        td details ul { margin: 0.2rem 0; padding-left: 1rem; }
        svg.bands { display: block; max-width: 100%; height: auto; }
        svg.bands a:hover text { font-weight: 600; }
        .legend { font-size: 0.85rem; max-width: 75rem; }
        .swatch { display: inline-block; width: 1.2rem; height: 0.55rem; vertical-align: middle; }
        .swatch.band { background: #8fb0e6; } .swatch.jitter { background: #d3e0f5; }
        .scores { display: flex; gap: 1rem; flex-wrap: wrap; }
        .score { border: 1px solid #d5d9e0; border-radius: 6px; padding: 0.6rem 1rem; max-width: 30rem; }
        .score-value { font-size: 1.6rem; font-weight: 700; }
        .score-name { text-transform: uppercase; font-size: 0.8rem; color: #596275; }
        .score p { font-size: 0.85rem; margin: 0.3rem 0 0; }
        tr.verdict-within-bound td, tr.verdict-held td { background: #eef8f0; }
        tr.verdict-late td, tr.verdict-missed td, tr.verdict-false-positive td, tr.verdict-failed td { background: #fdecee; }
        tr.verdict-environment-error td { background: #fff6e0; }
        tr.verdict-skipped td { background: #f4f4f4; color: #666; }
        tr.verdict-authoring-error td { background: #f1ecfb; }
        tr.verdict-not-run td { background: #fdecee; font-style: italic; }
        tr.changed td:nth-child(10) { font-weight: 700; outline: 2px solid #e0a800; }
        section.scenario { border: 1px solid #d5d9e0; border-left: 6px solid #8a8f98; border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0; }
        section.verdict-within-bound, section.verdict-held { border-left-color: #2e9d4b; }
        section.verdict-late, section.verdict-missed, section.verdict-false-positive, section.verdict-failed { border-left-color: #d7263d; }
        section.verdict-environment-error { border-left-color: #e0a800; }
        section.verdict-authoring-error { border-left-color: #6f42c1; }
        .label { font-family: ui-monospace, monospace; background: #eef1f6; padding: 0 0.3rem; border-radius: 4px; }
        .verdict { float: right; font-size: 0.95rem; }
        .meta, .reason { color: #596275; font-size: 0.9rem; }
        img.timeline { max-width: 100%; border: 1px solid #e5e8ee; }
        tr.timing-late td, tr.timing-missed td, tr.timing-early td { background: #fdecee; }
        tr.timing-unattributed td { color: #666; font-style: italic; }
        pre { background: #f6f8fa; padding: 0.5rem; overflow-x: auto; font-size: 0.8rem; max-height: 30rem; }
        details { margin: 0.3rem 0; }
        summary { cursor: pointer; font-weight: 600; }
        """;
}
