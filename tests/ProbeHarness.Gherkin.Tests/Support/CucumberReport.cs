using System.Text.Json;

namespace ProbeHarness.Gherkin.Tests.Support;

/// <summary>What a Cucumber NDJSON report says ran: pickles in start order and each test case's outcome.</summary>
internal sealed class CucumberReport
{
    private CucumberReport(IReadOnlyList<string> started, IReadOnlyDictionary<string, string> outcomes, int pickleCount)
    {
        StartedPickles = started;
        Outcomes = outcomes;
        PickleCount = pickleCount;
    }

    /// <summary>Names of the pickles whose test case started, in start order.</summary>
    public IReadOnlyList<string> StartedPickles { get; }

    /// <summary>Pickle name to the worst step status of its test case (<c>PASSED</c>, <c>FAILED</c>, <c>UNDEFINED</c>, ...).</summary>
    public IReadOnlyDictionary<string, string> Outcomes { get; }

    /// <summary>How many pickles the report declares (all features of the run, run or not).</summary>
    public int PickleCount { get; }

    /// <summary>Reads the NDJSON file at <paramref name="path"/>.</summary>
    public static CucumberReport Read(string path)
    {
        var pickleNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var testCasePickles = new Dictionary<string, string>(StringComparer.Ordinal);
        var startedTestCases = new Dictionary<string, string>(StringComparer.Ordinal);
        var started = new List<string>();
        var statuses = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Where(line => line.Length > 0))
        {
            using var envelope = JsonDocument.Parse(line);
            var root = envelope.RootElement;
            if (root.TryGetProperty("pickle", out var pickle))
            {
                pickleNames[pickle.GetProperty("id").GetString()!] = pickle.GetProperty("name").GetString()!;
            }
            else if (root.TryGetProperty("testCase", out var testCase))
            {
                testCasePickles[testCase.GetProperty("id").GetString()!] = testCase.GetProperty("pickleId").GetString()!;
            }
            else if (root.TryGetProperty("testCaseStarted", out var caseStarted))
            {
                var name = pickleNames[testCasePickles[caseStarted.GetProperty("testCaseId").GetString()!]];
                startedTestCases[caseStarted.GetProperty("id").GetString()!] = name;
                started.Add(name);
            }
            else if (root.TryGetProperty("testStepFinished", out var stepFinished))
            {
                var name = startedTestCases[stepFinished.GetProperty("testCaseStartedId").GetString()!];
                var status = stepFinished.GetProperty("testStepResult").GetProperty("status").GetString()!;
                (statuses.TryGetValue(name, out var list) ? list : statuses[name] = []).Add(status);
            }
        }

        var outcomes = statuses.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.FirstOrDefault(status => status != "PASSED") ?? "PASSED",
            StringComparer.Ordinal);
        return new CucumberReport(started, outcomes, pickleNames.Count);
    }
}
