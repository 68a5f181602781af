using System.Text.Json.Nodes;
using Reqnroll;
using ProbeHarness.Steps.Drivers;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Steps;

/// <summary>Steps that shape and deploy the target app: replicas, probes, pod settings, the app's environment, the Service.</summary>
[Binding]
public sealed class WorkloadSteps(WorkloadDriver workload, ScenarioCluster cluster, FeatureContext feature)
{
    /// <summary>Given the workload in "deploy/my-app.yaml" (the user's own Deployment and Service, relative to the feature file or the repository root; probed through the probe fault proxy).</summary>
    [Given(@"^the workload in " + QuotedText.Pattern + "$")]
    public void GivenWorkloadFile(string path) => workload.UseWorkloadFile(QuotedText.Unescape(path), FeaturePath.Of(feature.FeatureInfo));

    /// <summary>Given the target app with 2 replicas.</summary>
    [Given(@"^the target app with (-?\d+) replicas?$")]
    public void GivenReplicas(int replicas) => workload.SetReplicas(replicas);

    /// <summary>Given a liveness probe: (one-row table of the probe's type, target and parameters).</summary>
    [Given(@"^an? (liveness|readiness|startup) probe:$")]
    public void GivenProbe(ProbeKind kind, Table table) => workload.SetProbe(kind, ProbeTable.Parse(kind, table));

    /// <summary>Given no readiness probe.</summary>
    [Given(@"^no (liveness|readiness|startup) probe$")]
    public void GivenNoProbe(ProbeKind kind) => workload.SetProbe(kind, null);

    /// <summary>Given the pod's terminationGracePeriodSeconds is 5.</summary>
    [Given(@"^the pod's terminationGracePeriodSeconds is (\d+)$")]
    public void GivenPodGracePeriod(long seconds) => workload.SetPodGracePeriod(seconds);

    /// <summary>Given the pod's restartPolicy is Always.</summary>
    [Given(@"^the pod's restartPolicy is (\w+)$")]
    public void GivenRestartPolicy(string policy) => workload.SetRestartPolicy(policy);

    /// <summary>Given the Service publishes not-ready addresses.</summary>
    [Given(@"^the Service publishes not-ready addresses$")]
    public void GivenPublishNotReadyAddresses() => workload.PublishNotReadyAddresses();

    /// <summary>Given the target app starts listening 10 s after it starts (LISTEN_DELAY_SECONDS).</summary>
    [Given(@"^the target app starts listening (\d+) s after it starts$")]
    public void GivenListenDelay(int seconds) => TargetApp("LISTEN_DELAY_SECONDS", Text(seconds));

    /// <summary>Given the target app's startup takes 8 s after it starts listening (STARTUP_DELAY_SECONDS: /startupz and /readyz answer 503 until then).</summary>
    [Given(@"^the target app's startup takes (\d+) s after it starts listening$")]
    public void GivenStartupDelay(int seconds) => TargetApp("STARTUP_DELAY_SECONDS", Text(seconds));

    /// <summary>Given the target app becomes ready 5 s after it starts listening (READY_DELAY_SECONDS: /readyz answers 503 until then).</summary>
    [Given(@"^the target app becomes ready (\d+) s after it starts listening$")]
    public void GivenReadyDelay(int seconds) => TargetApp("READY_DELAY_SECONDS", Text(seconds));

    /// <summary>Given faults survive container restarts (FAULT_STATE_DIR on an emptyDir volume).</summary>
    [Given(@"^faults survive container restarts$")]
    public void GivenStickyFaults()
    {
        workload.RequireTargetApp("faults surviving restarts (FAULT_STATE_DIR)");
        workload.KeepFaultsOverRestarts();
    }

    /// <summary>Given the liveness endpoint also checks the dependency (LIVENESS_CHECKS_DEPENDENCY=true).</summary>
    [Given(@"^the liveness endpoint also checks the dependency$")]
    public void GivenLivenessChecksDependency() => TargetApp("LIVENESS_CHECKS_DEPENDENCY", "true");

    /// <summary>Given the target app ignores SIGTERM (IGNORE_SIGTERM=true: only SIGKILL at the grace deadline stops it).</summary>
    [Given(@"^the target app ignores SIGTERM$")]
    public void GivenIgnoreSigterm() => TargetApp("IGNORE_SIGTERM", "true");

    /// <summary>Given the target app keeps serving for 10 s after SIGTERM (SHUTDOWN_DELAY_SECONDS).</summary>
    [Given(@"^the target app keeps serving for (\d+) s after SIGTERM$")]
    public void GivenShutdownDelay(int seconds) => TargetApp("SHUTDOWN_DELAY_SECONDS", Text(seconds));

    /// <summary>Given the readiness endpoint fails once the target app is shutting down (READINESS_FAILS_ON_SHUTDOWN=true).</summary>
    [Given(@"^the readiness endpoint fails once the target app is shutting down$")]
    public void GivenReadinessFailsOnShutdown() => TargetApp("READINESS_FAILS_ON_SHUTDOWN", "true");

    /// <summary>Given the liveness endpoint fails with status 500 from the start (FAULTS_AT_START, applied by every new container).</summary>
    [Given(@"^the (liveness|readiness|startup) endpoint fails with status (\d+) from the start$")]
    public void GivenFaultAtStart(ProbeKind kind, int status) =>
        TargetApp("FAULTS_AT_START", new JsonObject
        {
            [kind.ToString().ToLowerInvariant()] = new JsonObject { ["mode"] = "fail", ["status"] = status },
        }.ToJsonString());

    /// <summary>Given the target app environment variable NAME is "value" (write \" for a quote in the value); with an own workload, its app container's.</summary>
    [Given(@"^the target app environment variable (\w+) is " + QuotedText.Pattern + "$")]
    public void GivenEnvironment(string name, string value) => workload.SetEnvironment(name, QuotedText.Unescape(value));

    /// <summary>When the target app is deployed (its pods run).</summary>
    [When(@"^the target app is deployed$")]
    public Task WhenDeployed() => workload.DeployAsync(untilReady: false, cluster.Aborted);

    /// <summary>When the target app is deployed and Ready (every pod Ready).</summary>
    [When(@"^the target app is deployed and Ready$")]
    public Task WhenDeployedAndReady() => workload.DeployAsync(untilReady: true, cluster.Aborted);

    /// <summary>When every pod is Ready.</summary>
    [When(@"^every pod is Ready$")]
    public Task WhenEveryPodReady() => workload.WaitUntilAllReadyAsync(cluster.Aborted);

    /// <summary>When the Deployment is scaled to 2 replicas (waits until they run).</summary>
    [When(@"^the Deployment is scaled to (-?\d+) replicas?$")]
    public Task WhenScaled(int replicas) => workload.ScaleAsync(replicas, cluster.Aborted);

    /// <summary>When pod 1 is deleted (with its own grace period).</summary>
    [When(@"^pod (\d+) is deleted$")]
    public Task WhenPodDeleted(int ordinal) => workload.DeletePodAsync(ordinal, null, cluster.Aborted);

    /// <summary>When pod 1 is deleted with a grace period of 5 s.</summary>
    [When(@"^pod (\d+) is deleted with a grace period of (\d+) s$")]
    public Task WhenPodDeletedWithGrace(int ordinal, long seconds) => workload.DeletePodAsync(ordinal, seconds, cluster.Aborted);

    // A variable only the target app reads: refused, naming it, when the scenario tests a user's own app.
    private void TargetApp(string name, string value)
    {
        workload.RequireTargetApp(name);
        workload.SetEnvironment(name, value);
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
