using System.Xml.Linq;
using ProbeHarness.Preflight.Findings;

namespace ProbeHarness.Preflight.Output;

/// <summary>
/// JUnit XML: a testsuite per file, a testcase per container with findings or checked (<c>Deployment/web container app</c>); findings at or
/// above <c>--fail-on</c> make it a failure, the others go to its system-out. Bad input is a testcase with an error per problem.
/// </summary>
public static class JUnitFormat
{
    /// <summary>The JUnit XML text.</summary>
    public static string Write(PreflightResult result, Severity failOn)
    {
        ArgumentNullException.ThrowIfNull(result);
        var suites = result.Files.Select(file => Suite(file, result, failOn)).ToList();
        var root = new XElement(
            "testsuites",
            new XAttribute("name", "probe preflight"),
            new XAttribute("tests", suites.Sum(s => (int)s.Attribute("tests")!)),
            new XAttribute("failures", suites.Sum(s => (int)s.Attribute("failures")!)),
            new XAttribute("errors", suites.Sum(s => (int)s.Attribute("errors")!)),
            suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + Environment.NewLine + root + Environment.NewLine;
    }

    private static XElement Suite(string file, PreflightResult result, Severity failOn)
    {
        var cases = result.Containers
            .Where(c => c.File == file)
            .Distinct()
            .Select(c => Case(
                file,
                $"{c.Workload} container {c.Container}",
                result.Findings.Where(f => f.File == file && f.Workload == c.Workload && f.Container == c.Container).ToList(),
                failOn))
            .ToList();
        var errors = result.InputErrors.Where(e => e.File == file).ToList();
        if (errors.Count > 0)
        {
            cases.Add(new XElement(
                "testcase",
                new XAttribute("classname", file),
                new XAttribute("name", "read the manifest"),
                errors.Select(e => new XElement("error", new XAttribute("message", e.Message), new XAttribute("type", "bad input")))));
        }

        return new XElement(
            "testsuite",
            new XAttribute("name", file),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
            new XAttribute("errors", cases.Count(c => c.Element("error") is not null)),
            cases);
    }

    private static XElement Case(string file, string name, List<Finding> findings, Severity failOn)
    {
        var failing = findings.Where(f => f.Severity >= failOn).ToList();
        var testCase = new XElement("testcase", new XAttribute("classname", file), new XAttribute("name", name));
        if (failing.Count > 0)
        {
            testCase.Add(new XElement(
                "failure",
                new XAttribute("message", $"{failing.Count} finding(s) at or above {failOn.Name()}: {string.Join(", ", failing.Select(f => f.RuleId).Distinct())}"),
                new XAttribute("type", failing.Max(f => f.Severity).Name()),
                string.Join(Environment.NewLine, failing.Select(Line))));
        }

        var rest = findings.Except(failing).ToList();
        if (rest.Count > 0)
        {
            testCase.Add(new XElement("system-out", string.Join(Environment.NewLine, rest.Select(Line))));
        }

        return testCase;
    }

    private static string Line(Finding f) => $"{f.File}:{f.Line} {f.Severity.Name()} {f.RuleId} {f.Field}: {f.Message}. At runtime: {f.Runtime}. Fix: {f.Fix}.";
}
