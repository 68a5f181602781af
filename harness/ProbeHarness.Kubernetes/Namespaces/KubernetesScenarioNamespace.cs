using k8s;
using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Kubernetes.Api;

namespace ProbeHarness.Kubernetes.Namespaces;

/// <summary>A scenario's namespace on a real cluster (k3s or kubeconfig): every call goes through KubernetesClient and the API server.</summary>
public sealed partial class KubernetesScenarioNamespace : IScenarioNamespace
{
    private readonly ScenarioNamespaceContext _context;
    private readonly Action<string>? _onKept;
    private bool _released;
    private string? _releaseResult;

    private KubernetesScenarioNamespace(ScenarioNamespaceContext context, string name, Action<string>? onKept)
    {
        _context = context;
        _onKept = onKept;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public BackendInfo Backend => _context.Backend;

    private k8s.Kubernetes Client => _context.Connection.Client;

    private ApiCallPolicy Api => _context.Connection.Api;

    /// <summary>Creates the namespace, labelled with the run, the machine and the scenario.</summary>
    /// <param name="context">What the run's namespaces share.</param>
    /// <param name="scenarioSlug">The scenario's slug; it becomes part of the name.</param>
    /// <param name="sequence">The namespace's number within the run, keeping names unique.</param>
    /// <param name="onKept">Called with the name when the namespace is kept for inspection.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    public static async Task<KubernetesScenarioNamespace> CreateAsync(
        ScenarioNamespaceContext context, string scenarioSlug, int sequence, Action<string>? onKept, CancellationToken cancellationToken)
    {
        var name = NamespaceNames.For(context.Run.RunId, sequence, scenarioSlug);
        var body = new V1Namespace
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                Labels = new Dictionary<string, string>
                {
                    [RunIdentity.RunLabel] = context.Run.RunId,
                    [RunIdentity.HostLabel] = context.Run.Host,
                    [RunIdentity.ScenarioLabel] = RunIdentity.LabelValue(NamespaceNames.Slug(scenarioSlug)),
                    [RunIdentity.ProcessLabel] = context.Run.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            },
        };

        await context.Connection.Api.RunAsync($"creating namespace {name}", async token =>
        {
            try
            {
                return await context.Connection.Client.CoreV1.CreateNamespaceAsync(body, cancellationToken: token).ConfigureAwait(false);
            }
            catch (Exception exception) when (ApiErrors.IsConflict(exception))
            {
                throw new InvalidOperationException(
                    $"Namespace {name} already exists on {context.Connection.ApiServer}; the harness never reuses a namespace. " +
                    $"Delete it with: kubectl --kubeconfig {context.Connection.KubeconfigPath} delete namespace {name}", exception);
            }
        }, cancellationToken).ConfigureAwait(false);

        return new KubernetesScenarioNamespace(context, name, onKept);
    }

    /// <inheritdoc />
    public async Task<string?> ReleaseAsync(bool keep, CancellationToken cancellationToken)
    {
        if (_released)
        {
            return _releaseResult;
        }

        _released = true;
        if (keep)
        {
            _onKept?.Invoke(Name);
            _releaseResult = $"namespace {Name} kept for inspection: {_context.Connection.KubectlFor(Name)} get pods,endpointslices,events";
            return _releaseResult;
        }

        var started = _context.Connection.Time.GetTimestamp();
        // The scenario is over: its pods get the shortest grace, so the kubelet stops them at once instead of after each
        // pod's own grace period (30 s by default), then the namespace goes. Both calls return at once.
        await Api.RunAsync($"deleting the pods of namespace {Name}", async token =>
        {
            try
            {
                await Client.CoreV1.DeleteCollectionNamespacedPodAsync(Name, gracePeriodSeconds: 1, cancellationToken: token).ConfigureAwait(false);
            }
            catch (Exception exception) when (ApiErrors.IsNotFound(exception))
            {
                // Already gone.
            }
        }, cancellationToken).ConfigureAwait(false);
        await Api.RunAsync($"deleting namespace {Name}", async token =>
        {
            try
            {
                await Client.CoreV1.DeleteNamespaceAsync(Name, cancellationToken: token).ConfigureAwait(false);
            }
            catch (Exception exception) when (ApiErrors.IsNotFound(exception))
            {
                // Already gone: deleting is idempotent.
            }
        }, cancellationToken).ConfigureAwait(false);

        // Waiting for it to disappear runs in the background; the backend waits for every such wait before it stops.
        _context.Deletions.Track(Name, () => WaitUntilGoneAsync(started));
        return null;
    }

    private async Task WaitUntilGoneAsync(long started)
    {
        await Api.WaitUntilAsync(
            $"namespace {Name} to disappear",
            async token =>
            {
                try
                {
                    var found = await Client.CoreV1.ReadNamespaceAsync(Name, cancellationToken: token).ConfigureAwait(false);
                    return found.Status?.Phase ?? "present";
                }
                catch (Exception exception) when (ApiErrors.IsNotFound(exception))
                {
                    return null;
                }
            },
            phase => phase is null,
            phase => $"namespace {Name} is {phase ?? "gone"}",
            _context.DeletionTimeout,
            TimeSpan.FromSeconds(1),
            CancellationToken.None).ConfigureAwait(false);

        _context.Progress.Report($"{Backend.Label} namespace {Name} deleted in {_context.Connection.Time.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    /// <summary>Deletes the namespace unless it was released already; a failure is reported, not thrown.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }

        try
        {
            await ReleaseAsync(keep: false, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ClusterUnavailableException or TimeoutException)
        {
            _context.Progress.Report($"{Backend.Label} namespace {Name} could not be deleted: {exception.Message}");
        }
    }
}
