using ProbeHarness.Cluster;
using ProbeHarness.Cluster.Backends;
using ProbeHarness.Kubernetes.EndpointSlices;
using ProbeHarness.Kubernetes.Namespaces;
using ProbeHarness.Kubernetes.Watching;

namespace ProbeHarness.Kubernetes.Tests.Support;

/// <summary>Scenario namespace contexts wired to a stub API server.</summary>
public static class TestContexts
{
    public const string Image = "probe-harness/target-app:sha-0123456789ab";

    public static readonly WatchResumeSettings FastResume = new(4, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(10));

    public static readonly RunIdentity Run = new("r1", "ci-box");

    public static ScenarioNamespaceContext For(
        StubApiServer stub, EndpointSliceVersion slices = EndpointSliceVersion.V1, IProgress<string>? progress = null, TimeSpan? deletionTimeout = null)
    {
        var connection = stub.Connect();
        return new ScenarioNamespaceContext(
            connection,
            new EndpointSliceApi(connection.Client, slices),
            new BackendInfo(BackendKind.K3s, "v1.35.3+k3s1", "stub API server"),
            Run,
            Image,
            progress ?? new ProgressLog(),
            FastResume,
            deletionTimeout ?? TimeSpan.FromSeconds(5));
    }
}
