using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ProbeHarness.Cluster;

namespace ProbeHarness.Kubernetes.Watching;

/// <summary>Merges the watches of several kinds into one stream of <see cref="ClusterChange"/>s in the order they arrive.</summary>
public static class ClusterChangeStream
{
    /// <summary>Runs one reflector per kind and yields their changes until cancelled; a reflector that gives up ends the stream with its error.</summary>
    public static async IAsyncEnumerable<ClusterChange> MergeAsync(
        IReadOnlyList<ResourceReflector> reflectors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<ClusterChange>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loops = reflectors.Select(reflector => RunAsync(reflector, channel.Writer, stop.Token)).ToArray();
        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return change;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
    }

    private static async Task RunAsync(ResourceReflector reflector, ChannelWriter<ClusterChange> output, CancellationToken cancellationToken)
    {
        try
        {
            await reflector.RunAsync(output, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The consumer stopped reading.
        }
        catch (Exception exception)
        {
            output.TryComplete(exception);
        }
    }
}
