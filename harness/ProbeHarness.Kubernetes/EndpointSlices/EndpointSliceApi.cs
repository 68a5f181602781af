using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Kubernetes.Api;

namespace ProbeHarness.Kubernetes.EndpointSlices;

/// <summary>Lists and watches EndpointSlices in whichever version the API server serves, always handing out the v1 model.</summary>
public sealed class EndpointSliceApi
{
    /// <summary>The API group of EndpointSlices.</summary>
    public const string Group = "discovery.k8s.io";

    private readonly IKubernetes _client;

    /// <summary>Creates the API for a known version (see <see cref="DetectAsync"/>).</summary>
    public EndpointSliceApi(IKubernetes client, EndpointSliceVersion version)
    {
        _client = client;
        Version = version;
    }

    /// <summary>The version used.</summary>
    public EndpointSliceVersion Version { get; }

    /// <summary>The group/version used, e.g. <c>discovery.k8s.io/v1beta1</c>.</summary>
    public string GroupVersion => Version == EndpointSliceVersion.V1 ? $"{Group}/v1" : $"{Group}/v1beta1";

    /// <summary>Asks the API server which versions it serves and picks v1 where served, else v1beta1.</summary>
    public static async Task<EndpointSliceApi> DetectAsync(IKubernetes client, ApiCallPolicy api, CancellationToken cancellationToken)
    {
        var groups = await api.RunAsync("reading the served API groups", token => client.Apis.GetAPIVersionsAsync(token), cancellationToken)
            .ConfigureAwait(false);
        return new EndpointSliceApi(client, Choose(groups, api.ApiServer));
    }

    /// <summary>Picks the version from the API server's group list.</summary>
    /// <exception cref="ClusterUnavailableException">Neither version is served (Kubernetes older than 1.17).</exception>
    public static EndpointSliceVersion Choose(V1APIGroupList groups, string apiServer)
    {
        var served = groups.Groups?
            .FirstOrDefault(group => group.Name == Group)?
            .Versions?.Select(version => version.Version).ToHashSet() ?? [];
        if (served.Contains("v1"))
        {
            return EndpointSliceVersion.V1;
        }

        return served.Contains("v1beta1")
            ? EndpointSliceVersion.V1beta1
            : throw new ClusterUnavailableException(
                $"The API server at {apiServer} serves no EndpointSlices ({Group} v1 or v1beta1); the harness needs Kubernetes 1.17 or later.");
    }

    /// <summary>The namespace's slices now, with the list's resourceVersion to watch from.</summary>
    public async Task<(IReadOnlyList<V1EndpointSlice> Items, string? ResourceVersion)> ListAsync(string @namespace, CancellationToken cancellationToken)
    {
        if (Version == EndpointSliceVersion.V1)
        {
            var list = await _client.DiscoveryV1.ListNamespacedEndpointSliceAsync(@namespace, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return (list.Items.ToList(), list.Metadata?.ResourceVersion);
        }

        using var response = await _client.CustomObjects
            .ListNamespacedCustomObjectWithHttpMessagesAsync<V1beta1EndpointSliceList>(
                Group, V1beta1EndpointSlice.KubeApiVersion, @namespace, V1EndpointSlice.KubePluralName, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return (response.Body.Items.Select(EndpointSliceConversion.ToV1).ToList(), response.Body.Metadata?.ResourceVersion);
    }

    /// <summary>Watches the namespace's slices from a resourceVersion.</summary>
    public IAsyncEnumerable<(WatchEventType, V1EndpointSlice)> WatchAsync(
        string @namespace, string? resourceVersion, Action<Exception> onError, CancellationToken cancellationToken) =>
        Version == EndpointSliceVersion.V1
            ? _client.DiscoveryV1.WatchListNamespacedEndpointSliceAsync(
                @namespace, resourceVersion: resourceVersion, onError: onError, cancellationToken: cancellationToken)
            : WatchV1beta1Async(@namespace, resourceVersion, onError, cancellationToken);

    private async IAsyncEnumerable<(WatchEventType, V1EndpointSlice)> WatchV1beta1Async(
        string @namespace, string? resourceVersion, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var response = _client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<V1beta1EndpointSliceList>(
            Group, V1beta1EndpointSlice.KubeApiVersion, @namespace, V1EndpointSlice.KubePluralName,
            resourceVersion: resourceVersion, watch: true, cancellationToken: cancellationToken);

        // The generated Watch* methods call this same helper; for a generic resource with a resourceVersion it is the only entry point.
#pragma warning disable CS0618
        var events = response.WatchAsync<V1beta1EndpointSlice, V1beta1EndpointSliceList>(onError, cancellationToken);
#pragma warning restore CS0618
        await foreach (var (type, slice) in events.ConfigureAwait(false))
        {
            yield return (type, EndpointSliceConversion.ToV1(slice));
        }
    }
}
