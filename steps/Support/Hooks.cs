using System.Diagnostics;
using System.Text.Json;
using Reqnroll;
using Reqnroll.BoDi;
using Reqnroll.Bindings;
using Reqnroll.UnitTestProvider;
using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;
using ProbeHarness.Cluster.HostLimits;
using ProbeHarness.Gherkin.Execution;
using ProbeHarness.Gherkin.Scenarios;
using ProbeHarness.Reporting.Input;
using ProbeHarness.Reporting.Model;
using ProbeHarness.Steps.Drivers;

namespace ProbeHarness.Steps.Support;

/// <summary>
/// Every hook of the suite: one backend per run; per scenario a namespace and a watch, the expectation record of each
/// <c>Then</c> step, and at the end diagnostics (on failure), the scenario record, and the namespace released.
/// </summary>
[Binding]
public sealed class Hooks(
    ScenarioContext scenario,
    FeatureContext feature,
    IObjectContainer container,
    IUnitTestRuntimeProvider runtime)
{
    private static readonly JsonSerializerOptions RecordJson = new(ScenarioRecordReader.Options) { WriteIndented = true };

    /// <summary>Starts the suite's clock and load sampler, then chooses, announces and starts the run's backend; a failure is kept so each scenario reports it as an environment error.</summary>
    [BeforeTestRun]
    public static async Task StartBackendAsync()
    {
        SuiteRunRecorder.Start();
        var clock = Stopwatch.StartNew();
        try
        {
            var options = BackendOptions.FromProcessEnvironment();
            TestRun.Configure(options);
            var backend = await BackendLauncher.LaunchAsync(
                options,
                RunOutput.Write,
                new Progress<string>(RunOutput.Write),
                TestContext.Current.CancellationToken);
            TestRun.Use(backend);
            ScenarioSlots.SetDefault(ScenarioConcurrencyDefault.For(backend.Info.Kind));
            RunOutput.Write($"backend ready: {backend.Info.Description}, Kubernetes {backend.Info.KubernetesVersion} ({clock.Elapsed.TotalSeconds:0.0} s)");
            PrepareResultsDirectory();
            RunOutput.Write($"scenarios run side by side, {ScenarioSlotsText()} ({ScenarioConcurrency.Variable})");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            TestRun.FailStart(e);
            RunOutput.Write($"Backend: none — it did not start after {clock.Elapsed.TotalSeconds:0.0} s: {e.Message}");
        }

        SuiteRunRecorder.BackendStarted();
    }

    /// <summary>Stops the backend and writes the suite file (span, cap, load) beside the records.</summary>
    [AfterTestRun]
    public static async Task StopBackendAsync()
    {
        var clock = Stopwatch.StartNew();
        var results = TestRun.ResultsDirectory;
        var backend = TestRun.FailedToStart ? "none" : TestRun.Backend.Info.Name;
        await TestRun.StopAsync();
        RunOutput.Write($"backend stopped ({clock.Elapsed.TotalSeconds:0.0} s)");
        await SuiteRunRecorder.WriteAsync(results, backend, clock.Elapsed.TotalSeconds);
    }

    private static string ScenarioSlotsText()
    {
        var (cap, refusal) = ScenarioSlots.TryCap();
        return cap?.ToString() ?? $"refused: {refusal}";
    }

    /// <summary>Starts the scenario's clock, skips scenarios the cluster is too old for, opens a namespace and starts the watch.</summary>
    [BeforeScenario(Order = 0)]
    public async Task OpenNamespaceAsync()
    {
        var log = container.Resolve<ScenarioLog>();
        container.Resolve<ScenarioClock>();
        var backend = TestRun.Backend;
        if (MinimumVersionTag.SkipReason(scenario.ScenarioInfo.CombinedTags, backend.Info.KubernetesVersion) is { } reason)
        {
            log.Write($"skipped: {reason}");
            runtime.TestIgnore(reason);
        }

        var clock = Stopwatch.StartNew();
        // The scenario's deadline (HARNESS_SCENARIO_TIMEOUT_SECONDS) cancels what its steps wait on, as does the test's own token.
        var cancellation = container.IsRegistered<ScenarioDeadline>()
            ? container.Resolve<ScenarioDeadline>().Token
            : TestContext.Current.CancellationToken;
        var ns = await backend.CreateNamespaceAsync(ScenarioSlug.Of(scenario.ScenarioInfo.Title), cancellation);
        container.RegisterInstanceAs(new ScenarioCluster(ns, cancellation));
        container.Resolve<ClusterObserver>().Start();
        container.Resolve<ScenarioRecorder>().MarkNamespaceReady(container.Resolve<ScenarioClock>().SecondsAt(DateTimeOffset.UtcNow));
        log.Write($"scenario \"{scenario.ScenarioInfo.Title}\" on {backend.Info.Name} ({backend.Info.KubernetesVersion}) in namespace {ns.Name} ({clock.Elapsed.TotalSeconds:0.0} s)");
    }

    /// <summary>Starts each step with no notes, so an expectation's record holds only what its own step measured.</summary>
    [BeforeStep]
    public void ForgetNotes() => container.Resolve<ScenarioRecorder>().ClearNotes();

    /// <summary>Marks where each step ended (for the phases) and records each <c>Then</c> step as an expectation, with whether it held.</summary>
    [AfterStep]
    public void RecordExpectation()
    {
        container.Resolve<ScenarioRecorder>().MarkStepEnded(container.Resolve<ScenarioClock>().SecondsAt(DateTimeOffset.UtcNow));
        var step = scenario.StepContext.StepInfo;
        if (step.StepDefinitionType == StepDefinitionType.Then)
        {
            var error = scenario.StepContext.StepError ?? scenario.TestError;
            container.Resolve<ScenarioRecorder>().AddExpectation(step.Text, error is null, error?.Message);
        }
    }

    /// <summary>Stops traffic, collects diagnostics (logs, events, dumps), writes the scenario record and releases the namespace.</summary>
    [AfterScenario(Order = 0)]
    public async Task CloseScenarioAsync()
    {
        var log = container.Resolve<ScenarioLog>();
        var cluster = container.IsRegistered<ScenarioCluster>() ? container.Resolve<ScenarioCluster>() : null;
        var authoring = AuthoringOutcome.Of(scenario, container);
        var outcome = authoring?.Outcome ?? Outcome();
        ScenarioDiagnostics? diagnostics = null;
        IReadOnlyList<TimelineEntry> timeline = [];
        OwnAppRecord? ownApp = null;
        if (cluster is not null)
        {
            await Attempt(log, "stopping traffic", () => container.Resolve<TrafficDriver>().StopAsync());
            await Attempt(log, "measuring timings", async () =>
            {
                await container.Resolve<TimingAnalysis>().RecordAsync(cluster.Aborted);
                timeline = container.Resolve<TimelineBuilder>().Build();
            });
            await Attempt(log, "measuring the own app", async () => ownApp = await container.Resolve<OwnAppMeasurements>().MeasureAsync(cluster.Aborted));
            // Held scenarios too: the containers' logs carry the app's own probe answers with their latencies, which the
            // advisor reads from the records (the report itself shows diagnostics only for scenarios that did not hold).
            if (outcome is not "skipped")
            {
                await Attempt(log, "collecting diagnostics", async () =>
                    diagnostics = await container.Resolve<DiagnosticsCollector>().CollectAsync(CancellationToken.None));
            }
        }

        // A container that a host limit stopped (inotify, file descriptors, processes, memory, a taken port) says
        // nothing about probes: the scenario is an environment error naming the limit.
        var hostLimit = outcome == "failed" && diagnostics is not null ? HostLimitClassifier.Diagnose(diagnostics.Logs) : null;
        if (hostLimit is not null)
        {
            outcome = "environment-error";
            log.Write(hostLimit.Describe());
        }

        var message = authoring?.Message
            ?? (hostLimit is null ? null : $"{hostLimit.Describe()} (the step that failed then: {Message(scenario.TestError)})");
        await Attempt(log, "writing the scenario record", () => WriteRecordAsync(outcome, message, timeline, diagnostics, ownApp, log));
        if (cluster is not null)
        {
            await container.Resolve<ClusterObserver>().DisposeAsync();
            var keep = outcome == "failed" && TestRun.KeepOnFailure;
            await Attempt(log, "releasing the namespace", async () =>
            {
                var clock = Stopwatch.StartNew();
                var reach = await cluster.Namespace.ReleaseAsync(keep, CancellationToken.None);
                log.Write(keep && reach is not null
                    ? $"kept namespace {cluster.Namespace.Name} for inspection: {reach}"
                    : $"released namespace {cluster.Namespace.Name} ({clock.Elapsed.TotalSeconds:0.0} s)");
            });
        }

        log.Write($"{outcome} after {container.Resolve<ScenarioClock>().Elapsed.TotalSeconds:0.0} s");
    }

    private static void PrepareResultsDirectory()
    {
        // One run's records only: a scenario renamed or removed since the last run must not linger in the report.
        var directory = TestRun.ResultsDirectory;
        Directory.CreateDirectory(directory);
        foreach (var stale in Directory.EnumerateFiles(directory, "*.json"))
        {
            File.Delete(stale);
        }

        SuiteRunRecorder.ForgetPrevious(directory);

        RunOutput.Write($"scenario records go to {directory}");
    }

    private string Outcome()
    {
        var error = scenario.TestError;
        return scenario.ScenarioExecutionStatus switch
        {
            ScenarioExecutionStatus.Skipped => "skipped",
            ScenarioExecutionStatus.OK when error is null => "passed",
            _ when IsEnvironmental(error) => "environment-error",
            _ => "failed",
        };
    }

    private static bool IsEnvironmental(Exception? error) =>
        error is ClusterUnavailableException || error?.InnerException is ClusterUnavailableException;

    private async Task WriteRecordAsync(string outcome, string? message, IReadOnlyList<TimelineEntry> timeline, ScenarioDiagnostics? diagnostics, OwnAppRecord? ownApp, ScenarioLog log)
    {
        var clock = container.Resolve<ScenarioClock>();
        var recorder = container.Resolve<ScenarioRecorder>();
        var info = TestRun.FailedToStart ? null : TestRun.Backend.Info;
        var featureFile = FeatureFile();
        var scenarioId = ScenarioId(featureFile);
        var record = new ScenarioRecord
        {
            ScenarioId = scenarioId,
            TestName = TestContext.Current.Test?.TestDisplayName,
            Line = container.IsRegistered<ScenarioCase>() ? container.Resolve<ScenarioCase>().Line : null,
            FeatureFile = featureFile,
            Feature = feature.FeatureInfo.Title,
            Scenario = Title(),
            Tags = [.. scenario.ScenarioInfo.CombinedTags.Select(t => t.TrimStart('@')).Distinct()],
            Backend = info?.Name ?? "none",
            Emulated = info?.IsEmulated ?? false,
            KubernetesVersion = info?.KubernetesVersion,
            Host = Environment.MachineName,
            Outcome = outcome,
            Message = message ?? Message(scenario.TestError),
            StartedAt = clock.StartedAt,
            DurationSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
            Probes = recorder.Probes,
            Faults = recorder.Faults,
            Expectations = recorder.Expectations,
            Timings = recorder.Timings,
            Timeline = timeline,
            Diagnostics = diagnostics,
            OwnApp = ownApp,
            Phases = recorder.PhasesAt(clock.SecondsAt(clock.Now)),
        };
        Directory.CreateDirectory(TestRun.ResultsDirectory);
        // Named by the scenario's unique id: two scenarios whose titles slug alike must not overwrite each other's record.
        var file = Path.Combine(TestRun.ResultsDirectory, RecordFileName.For(scenarioId));
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(record, RecordJson));
        log.Write($"scenario record: {file}");
    }

    // The adapter's id, featurePath#pickleIndex (it registers the case it runs); outside the adapter the title stands in.
    private string ScenarioId(string featureFile) =>
        container.IsRegistered<ScenarioCase>() ? container.Resolve<ScenarioCase>().Id.ToString() : $"{featureFile}#{Title()}";

    private string FeatureFile() => FeaturePath.Of(feature.FeatureInfo);

    private string Title()
    {
        var arguments = scenario.ScenarioInfo.Arguments;
        if (arguments is null || arguments.Count == 0)
        {
            return scenario.ScenarioInfo.Title;
        }

        var values = new List<string>();
        foreach (System.Collections.DictionaryEntry entry in arguments)
        {
            values.Add($"{entry.Key}={entry.Value}");
        }

        return $"{scenario.ScenarioInfo.Title} ({string.Join(", ", values)})";
    }

    // xunit's dynamic-skip marker is for the runner, not for readers.
    private static string? Message(Exception? error) =>
        error?.Message is { } message && message.StartsWith(Xunit.v3.DynamicSkipToken.Value, StringComparison.Ordinal)
            ? message[Xunit.v3.DynamicSkipToken.Value.Length..]
            : error?.Message;

    private static async Task Attempt(ScenarioLog log, string what, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Write($"{what} failed: {e.Message}");
        }
    }
}
