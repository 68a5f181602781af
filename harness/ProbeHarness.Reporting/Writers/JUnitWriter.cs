using System.Globalization;
using System.Text;
using System.Xml.Linq;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Writers;

/// <summary>Writes junit.xml: a testsuite per feature, a testcase per scenario, timings as properties, diagnostics on failures.</summary>
public static class JUnitWriter
{
    /// <summary>The report as JUnit XML.</summary>
    public static XDocument Write(ResilienceReport report)
    {
        var header = report.Header;
        var suites = report.Scenarios
            .GroupBy(r => r.Feature)
            .Select(feature => Suite(feature.Key, feature.ToList(), header));
        var root = new XElement(
            "testsuites",
            new XAttribute("name", $"{Label(header)} probe resilience"),
            Counts(report.Scenarios),
            new XAttribute("time", Number(header.DurationSeconds)),
            new XAttribute("timestamp", header.StartedAt.UtcDateTime.ToString("s", CultureInfo.InvariantCulture)),
            suites);
        XmlText.Sanitize(root);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    private static XElement Suite(string feature, List<ScenarioRow> rows, ReportHeader header) => new(
        "testsuite",
        new XAttribute("name", feature),
        Counts(rows),
        new XAttribute("time", Number(rows.Sum(r => r.DurationSeconds))),
        new XAttribute("timestamp", rows.Min(r => r.StartedAt).UtcDateTime.ToString("s", CultureInfo.InvariantCulture)),
        new XAttribute("hostname", header.Host),
        new XElement(
            "properties",
            Property("backend", string.Join(",", header.Backends)),
            Property("emulated", header.Emulated ? "true" : "false"),
            Property("banner", header.Banner),
            Property("kubernetesVersion", string.Join(",", header.KubernetesVersions)),
            Property("featureFile", rows[0].FeatureFile)),
        rows.Select(TestCase));

    private static XElement TestCase(ScenarioRow row)
    {
        var testCase = new XElement(
            "testcase",
            new XAttribute("classname", row.Feature),
            new XAttribute("name", row.Emulated ? $"{row.Label} {row.Scenario}" : row.Scenario),
            new XAttribute("time", Number(row.DurationSeconds)),
            new XElement("properties", Properties(row)));

        switch (row.Verdict)
        {
            case ScenarioVerdict.Skipped:
                testCase.Add(new XElement("skipped", new XAttribute("message", row.Message ?? "skipped")));
                break;
            case ScenarioVerdict.EnvironmentError or ScenarioVerdict.AuthoringError or ScenarioVerdict.NotRun:
                testCase.Add(new XElement(
                    "error",
                    new XAttribute("message", row.VerdictReason),
                    new XAttribute("type", row.Verdict.ToKey()),
                    Diagnostics(row)));
                break;
            case var verdict when !verdict.Holds():
                testCase.Add(new XElement(
                    "failure",
                    new XAttribute("message", $"{verdict.ToDisplay()}: {row.VerdictReason}"),
                    new XAttribute("type", verdict.ToKey()),
                    Diagnostics(row)));
                break;
        }

        testCase.Add(new XElement("system-out", Story(row)));
        return testCase;
    }

    private static IEnumerable<XElement> Properties(ScenarioRow row)
    {
        yield return Property("backend", row.Backend);
        yield return Property("emulated", row.Emulated ? "true" : "false");
        yield return Property("verdict", row.Verdict.ToKey());
        yield return Property("tags", string.Join(" ", row.Tags.Select(t => "@" + t)));
        foreach (var probe in row.Probes)
        {
            yield return Property($"probe.{probe.Kind}", Format.Probe(probe));
        }

        foreach (var fault in row.Faults)
        {
            yield return Property("fault", Format.Fault(fault));
        }

        foreach (var timing in row.Timings)
        {
            var prefix = $"timing.{timing.Name}";
            yield return Property($"{prefix}.measuredSeconds", timing.MeasuredSeconds is { } m ? Number(m) : "never");
            if (timing.PrecisionSeconds is { } precision)
            {
                yield return Property($"{prefix}.precisionSeconds", Number(precision));
            }

            yield return Property($"{prefix}.role", timing.Role.ToString().ToLowerInvariant());
            if (timing.BoundMinSeconds is { } min)
            {
                yield return Property($"{prefix}.boundMinSeconds", Number(min));
            }

            if (timing.BoundMaxSeconds is { } max)
            {
                yield return Property($"{prefix}.boundMaxSeconds", Number(max));
            }

            if (timing.JitterSeconds is { } jitter)
            {
                yield return Property($"{prefix}.jitterSeconds", Number(jitter));
            }

            if (!string.IsNullOrWhiteSpace(timing.Formula))
            {
                yield return Property($"{prefix}.formula", timing.Formula);
            }

            if (timing.SourceNote is { } note)
            {
                yield return Property($"{prefix}.sourceNote", note);
            }

            yield return Property($"{prefix}.verdict", Format.Verdict(timing.Verdict));
        }

        if (row.Trend is { } trend)
        {
            yield return Property("trend.runs", trend.Runs.ToString(CultureInfo.InvariantCulture));
            if (row.VerdictChanged)
            {
                yield return Property("trend.verdictChangedFrom", trend.PreviousVerdict!);
            }
        }
    }

    private static string Story(ScenarioRow row)
    {
        var text = new StringBuilder();
        text.AppendLine($"{row.Label} {row.Feature} / {row.Scenario}: {row.Verdict.ToDisplay()} ({row.VerdictReason})");
        foreach (var expectation in row.Expectations)
        {
            text.AppendLine($"{(expectation.Held ? "held" : "FAILED")}: {expectation.Text}{(expectation.Detail is null ? string.Empty : $" ({expectation.Detail})")}");
        }

        foreach (var timing in row.Timings)
        {
            text.AppendLine(Format.Timing(timing));
        }

        foreach (var entry in row.Timeline)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"+{entry.At,7:0.00} s {entry.Lane,-10} {entry.Pod} {entry.Value} {entry.Detail}").TrimEnd());
        }

        return text.ToString();
    }

    private static string Diagnostics(ScenarioRow row)
    {
        var text = new StringBuilder();
        if (row.Message is { } message)
        {
            text.AppendLine(message);
        }

        if (row.Diagnostics is { } diagnostics)
        {
            foreach (var (name, log) in diagnostics.Logs)
            {
                text.AppendLine($"--- log {name}").AppendLine(log);
            }

            text.AppendLine("--- events");
            foreach (var line in diagnostics.Events)
            {
                text.AppendLine(line);
            }

            text.AppendLine("--- pods").AppendLine(diagnostics.PodsYaml);
            text.AppendLine("--- endpointslices").AppendLine(diagnostics.EndpointSlicesYaml);
        }

        return text.ToString();
    }

    private static IEnumerable<XAttribute> Counts(IReadOnlyCollection<ScenarioRow> rows)
    {
        yield return new XAttribute("tests", rows.Count);
        yield return new XAttribute("failures", rows.Count(r => r.Verdict.IsJudged() && !r.Verdict.Holds()));
        yield return new XAttribute("errors", rows.Count(r => r.Verdict is ScenarioVerdict.EnvironmentError or ScenarioVerdict.AuthoringError or ScenarioVerdict.NotRun));
        yield return new XAttribute("skipped", rows.Count(r => r.Verdict == ScenarioVerdict.Skipped));
    }

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Label(ReportHeader header) => header.Emulated ? "[emulated]" : $"[{string.Join(",", header.Backends)}]";
}
