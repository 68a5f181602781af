using ProbeHarness.Cluster.Backends;
using ProbeHarness.Kubernetes.K3s;

namespace ProbeHarness.Kubernetes.Tests.Support;

/// <summary>The guard of the tests that need a real Docker engine able to run K3s: skips them, with the reason, where there is none.</summary>
internal static class K3sEngine
{
    /// <summary>The availability of <paramref name="options"/>' K3s image; skips the test when K3s cannot run.</summary>
    public static async Task<K3sAvailabilityReport> RequireAsync(BackendOptions options, CancellationToken cancellationToken)
    {
        var availability = await K3sAvailability.CheckAsync(options, cancellationToken);
        if (!availability.CanRunK3s)
        {
            Assert.Skip($"Needs a Docker engine that can run {options.K3sImage}: {availability.Finding}.");
        }

        return availability;
    }
}
