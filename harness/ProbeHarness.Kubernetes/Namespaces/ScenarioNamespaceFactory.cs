using System.Collections.Concurrent;
using ProbeHarness.Cluster;

namespace ProbeHarness.Kubernetes.Namespaces;

/// <summary>Creates a run's scenario namespaces with unique numbers and remembers which were kept for inspection.</summary>
public sealed class ScenarioNamespaceFactory
{
    private readonly ScenarioNamespaceContext _context;
    private readonly ConcurrentQueue<string> _kept = new();
    private int _sequence;

    /// <summary>Creates the factory for one run on one cluster.</summary>
    public ScenarioNamespaceFactory(ScenarioNamespaceContext context) => _context = context;

    /// <summary>The namespaces kept for inspection so far.</summary>
    public IReadOnlyCollection<string> Kept => _kept;

    /// <summary>Waits (at most <paramref name="timeout"/>) for every namespace deletion still running, reporting progress.</summary>
    public Task<int> DrainDeletionsAsync(TimeSpan timeout) =>
        _context.Deletions.DrainAsync(timeout, _context.Progress, _context.Backend.Label, _context.Connection.Time);

    /// <summary>Creates the next scenario namespace.</summary>
    public async Task<IScenarioNamespace> CreateAsync(string scenarioSlug, CancellationToken cancellationToken) =>
        await KubernetesScenarioNamespace.CreateAsync(
            _context, scenarioSlug, Interlocked.Increment(ref _sequence), _kept.Enqueue, cancellationToken).ConfigureAwait(false);
}
