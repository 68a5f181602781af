using System.Text;
using Cucumber.HtmlFormatter;
using ProbeHarness.Reporting.Tests.Samples;
using ProbeHarness.Reporting.Writers;

namespace ProbeHarness.Reporting.Tests.Writers;

/// <summary>The written report folder, opened in a real browser: index.html and Cucumber's HTML render, scrubbed.</summary>
public sealed class ReportInBrowserTests
{
    private const string SkipReason = $"{HeadlessChromium.Executable} is not installed (apt-get install -y chromium)";

    // Writes what the test asserts into the DOM, which --dump-dom then prints: the page's scroll width, its width, where the
    // scenario table and the timing chart end, and the chart's rows.
    private const string MeasuringScript = """
        <script>
        addEventListener("load", () => {
          const right = selector => Math.ceil(document.querySelector(selector).getBoundingClientRect().right);
          const out = document.createElement("pre");
          out.id = "measured";
          out.textContent = [document.documentElement.scrollWidth, document.documentElement.clientWidth,
            right("table.scenarios"), right("svg.bands"), document.querySelectorAll("svg.bands > a").length].join(" ");
          document.body.append(out);
        });
        </script>
        """;

    [Fact]
    public async Task The_copied_cucumber_html_still_renders_its_scenarios_in_chromium()
    {
        // Given Cucumber's own HTML of a 10-scenario run (9 passed, 1 skipped) whose messages carry a token
        Assert.SkipUnless(HeadlessChromium.IsInstalled, SkipReason);
        using var temp = new TempFolder();
        var results = temp.WriteRecords("results", SampleRecords.Passed());
        await WriteCucumberHtmlAsync(Path.Combine(results, "cucumber.html"));

        // When the report folder is written and its copy opened
        new ReportFolderWriter(_ => { }).Write(new ReportFolderRequest { ResultsFolder = results, OutputFolder = temp.Combine("report") });
        var page = await HeadlessChromium.OpenAsync(temp.Combine("report", "cucumber", "cucumber.html"));

        // Then the page's script ran and counted the scenarios, without an error, and the token is gone
        Assert.Contains("(9 / 10) passed", Text(page.Dom), StringComparison.Ordinal);
        Assert.DoesNotContain("Uncaught", page.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(Secrets.Token, File.ReadAllText(temp.Combine("report", "cucumber", "cucumber.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_html_renders_in_chromium_without_errors()
    {
        // Given
        Assert.SkipUnless(HeadlessChromium.IsInstalled, SkipReason);
        using var temp = new TempFolder();
        var report = new ReportFolderWriter(_ => { }).Write(new ReportFolderRequest
        {
            ResultsFolder = temp.WriteRecords("results", SampleRecords.Passed()),
            OutputFolder = temp.Combine("report"),
        });

        // When
        var page = await HeadlessChromium.OpenAsync(temp.Combine("report", "index.html"));

        // Then
        Assert.Contains(report.Scenarios[0].Scenario, page.Dom, StringComparison.Ordinal);
        Assert.DoesNotContain("Uncaught", page.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_night_of_scenarios_fits_a_1280_px_screen_without_scrolling_sideways()
    {
        // Given a report of 90 scenarios, long titles and late ones among them, and a copy of it that measures itself once loaded
        Assert.SkipUnless(HeadlessChromium.IsInstalled, SkipReason);
        using var temp = new TempFolder();
        new ReportFolderWriter(_ => { }).Write(new ReportFolderRequest
        {
            ResultsFolder = temp.WriteRecords("results", [.. SampleRecords.Many(90)]),
            OutputFolder = temp.Combine("report"),
        });
        var measuring = temp.Combine("report", "measured.html");
        File.WriteAllText(measuring, File.ReadAllText(temp.Combine("report", "index.html")).Replace("</body>", MeasuringScript + "</body>", StringComparison.Ordinal));

        // When it is opened at 1280 × 900
        var page = await HeadlessChromium.OpenAsync(measuring, (1280, 900));

        // Then neither the page, nor the scenario table, nor the timing chart is wider than the screen
        var measured = System.Text.RegularExpressions.Regex.Match(page.Dom, "<pre id=\"measured\">(\\d+) (\\d+) (\\d+) (\\d+) (\\d+)</pre>");
        Assert.True(measured.Success, "the page did not measure itself: " + page.Log);
        var (scrollWidth, clientWidth, tableRight, chartRight, chartRows) = (Int(measured, 1), Int(measured, 2), Int(measured, 3), Int(measured, 4), Int(measured, 5));
        Assert.InRange(scrollWidth, 1, 1280);
        Assert.InRange(tableRight, 1, clientWidth);
        Assert.InRange(chartRight, 1, clientWidth);
        Assert.Equal(90, chartRows);
        Assert.DoesNotContain("Uncaught", page.Log, StringComparison.Ordinal);
    }

    private static int Int(System.Text.RegularExpressions.Match match, int group) => int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);

    // Cucumber's formatter around the recorded messages of the adapter's sample run, one of them given a token.
    private static async Task WriteCucumberHtmlAsync(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(TestData.Folder("cucumber"), "calculator.ndjson"))
            .Select(line => line.Replace("cannot run the scenario", $"cannot run the scenario, token: {Secrets.Token}", StringComparison.Ordinal))
            .ToList();
        var next = 0;
        await using var stream = File.Create(file);
        var writer = new MessagesToHtmlWriter(stream, (output, _) => output.WriteAsync(lines[next++]));
        await using (writer)
        {
            foreach (var _ in lines)
            {
                await writer.WriteAsync(null!);
            }
        }
    }

    private static string Text(string dom) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(dom, "<[^>]+>", " "), @"\s+", " ");
}
