using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ProbeHarness.Reporting.Input;

/// <summary>Reads the summary of a TRX file written by the test platform's TRX report extension.</summary>
public static class TrxReader
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private static readonly string[] FailedOutcomes = ["Failed", "Error", "Timeout", "Aborted"];

    /// <summary>Reads <paramref name="file"/>.</summary>
    /// <exception cref="ReportInputException">The file is missing or not TRX; the message names the file and line.</exception>
    public static TrxSummary Read(string file)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(file, LoadOptions.SetLineInfo);
        }
        catch (XmlException failure)
        {
            throw new ReportInputException($"{file}:{failure.LineNumber}: not a TRX file: {failure.Message}", failure);
        }
        catch (IOException failure)
        {
            throw new ReportInputException($"{file}: cannot read the TRX file: {failure.Message}", failure);
        }

        var root = document.Root;
        if (root is null || root.Name != Trx + "TestRun")
        {
            throw new ReportInputException($"{file}:1: not a TRX file: the root element is {root?.Name.LocalName ?? "missing"}, not TestRun.");
        }

        var counters = root.Element(Trx + "ResultSummary")?.Element(Trx + "Counters");
        int Count(string name) => int.TryParse(counters?.Attribute(name)?.Value, CultureInfo.InvariantCulture, out var n) ? n : 0;

        var results = root.Element(Trx + "Results")?.Elements(Trx + "UnitTestResult").ToList() ?? [];
        var failed = results
            .Where(r => FailedOutcomes.Contains((string?)r.Attribute("outcome")))
            .Select(r => new TrxFailedTest(
                (string?)r.Attribute("testName") ?? "(unnamed test)",
                r.Element(Trx + "Output")?.Element(Trx + "ErrorInfo")?.Element(Trx + "Message")?.Value))
            .ToList();

        var times = root.Element(Trx + "Times");
        return new TrxSummary(
            Total: counters is null ? results.Count : Count("total"),
            Passed: counters is null ? results.Count(r => (string?)r.Attribute("outcome") == "Passed") : Count("passed"),
            Failed: counters is null ? failed.Count : Count("failed") + Count("error") + Count("timeout") + Count("aborted"),
            Skipped: counters is null ? results.Count(r => (string?)r.Attribute("outcome") == "NotExecuted") : Count("notExecuted"),
            Start: Time(times, "start"),
            Finish: Time(times, "finish"),
            FailedTests: failed)
        {
            PassedTests = results
                .Where(r => (string?)r.Attribute("outcome") == "Passed")
                .Select(r => (string?)r.Attribute("testName") ?? "(unnamed test)")
                .ToList(),
            SkippedTests = results
                .Where(r => (string?)r.Attribute("outcome") == "NotExecuted")
                .Select(r => (string?)r.Attribute("testName") ?? "(unnamed test)")
                .ToList(),
        };
    }

    private static DateTimeOffset? Time(XElement? times, string name) =>
        DateTimeOffset.TryParse((string?)times?.Attribute(name), CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;
}
