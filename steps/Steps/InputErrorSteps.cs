using ProbeHarness.Cluster.Manifests;
using ProbeHarness.Gherkin.Execution;
using ProbeHarness.Gherkin.Scenarios;
using ProbeHarness.Reporting.Building;
using ProbeHarness.Reporting.Model;
using Reqnroll;
using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Steps;

/// <summary>Steps that check the step library's own input errors: a user's mistake is named, never run.</summary>
[Binding]
public sealed class InputErrorSteps(WorkloadDriver workload, ScenarioCluster cluster, ClusterObserver observer, FeatureContext feature)
{
    /// <summary>Then this liveness probe table is refused with "unknown column 'periodSecond'": (the table).</summary>
    [Then(@"^this (liveness|readiness|startup) probe table is refused with ""([^""]*)"":$")]
    public void ThenProbeTableRefused(ProbeKind kind, string message, Table table)
    {
        var error = Assert.Throws<ScenarioInputException>(() => ProbeTable.Parse(kind, table));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Then the target app with -1 replicas is refused with "replicas must be 0 or more" (as the replicas step would be).</summary>
    [Then(@"^the target app with (-?\d+) replicas? is refused with ""([^""]*)""$")]
    public void ThenReplicasRefused(int replicas, string message)
    {
        var error = Assert.Throws<ScenarioInputException>(() => workload.SetReplicas(replicas));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Then the step argument "99999999999" is refused with "out of range" (the whole-number conversion every step uses).</summary>
    [Then(@"^the step argument ""(-?\d+)"" is refused with ""([^""]*)""$")]
    public void ThenStepArgumentRefused(string text, string message)
    {
        var error = Assert.Throws<ScenarioInputException>(() => StepArguments.Whole(text));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Then a wait of 2147483647 s is refused with "out of range" (what every waiting step checks first).</summary>
    [Then(@"^a wait of (\d+) s is refused with ""([^""]*)""$")]
    public void ThenWaitRefused(int seconds, string message)
    {
        var error = Assert.Throws<ScenarioInputException>(() => Expectations.CheckWait("a wait", TimeSpan.FromSeconds(seconds)));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Then the record of a scenario refused for "features/x.feature:8: …" is an authoring error at line 8.</summary>
    [Then(@"^the record of a scenario refused for ""([^"":]+):(\d+): ([^""]*)"" is an authoring error at line (\d+)$")]
    public void ThenRefusedScenarioRecord(string file, int line, string message, int expectedLine)
    {
        AuthoringError[] errors = [new(AuthoringErrorKind.Table, file, line, 0, message)];
        var report = new AuthoringErrorReport($"{file}#3", file, "X", "a scenario", ["harness"], errors);

        var record = AuthoringErrorRecords.RecordOf(report, DateTimeOffset.UnixEpoch);
        var adapterFailure = AuthoringErrorRecords.RecordOf(
            report with { Errors = [errors[0] with { Kind = AuthoringErrorKind.AdapterFailure }] }, DateTimeOffset.UnixEpoch);

        Assert.Equal((AuthoringOutcome.Word, expectedLine, $"{file}#3"), (record.Outcome, record.Line, record.ScenarioId));
        Assert.Equal($"{file}:{line}: {message}", record.Message);
        Assert.Equal(ScenarioVerdict.AuthoringError, VerdictRules.Decide(record).Verdict);
        Assert.Equal("failed", adapterFailure.Outcome);
    }

    /// <summary>Then deploying the target app is refused with "livenessProbe.httpGet.port: Not found" (nothing is deployed).</summary>
    [Then(@"^deploying the target app is refused with ""([^""]*)""$")]
    public async Task ThenDeployRefused(string message)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => workload.DeployAsync(untilReady: false, cluster.Aborted));
        Assert.True(error is ScenarioInputException or ManifestException, $"expected the step library's refusal, got {error.GetType().Name}: {error.Message}");
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(workload.LivePods(observer.State));
    }

    /// <summary>Then the workload in "manifests/x.yaml" is refused with "…" (when it is loaded: nothing is deployed).</summary>
    [Then(@"^the workload in " + QuotedText.Pattern + @" is refused with ""([^""]*)""$")]
    public void ThenWorkloadRefused(string path, string message)
    {
        var error = Assert.Throws<ManifestException>(() => workload.UseWorkloadFile(QuotedText.Unescape(path), FeaturePath.Of(feature.FeatureInfo)));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
