using System.Threading.Channels;
using ProbeHarness.Cluster;

namespace ProbeHarness.Emulated.Api;

/// <summary>Fans every change of a namespace out to its watchers, each on an unbounded channel (callers serialize through the namespace lock).</summary>
internal sealed class ChangeFeed
{
    private readonly List<Channel<ClusterChange>> _subscribers = [];
    private bool _completed;

    /// <summary>A new watcher's channel, pre-filled with <paramref name="initial"/>; already completed when the feed has ended.</summary>
    public Channel<ClusterChange> Subscribe(IEnumerable<ClusterChange> initial)
    {
        var channel = Channel.CreateUnbounded<ClusterChange>(new UnboundedChannelOptions { SingleReader = true });
        foreach (var change in initial)
        {
            channel.Writer.TryWrite(change);
        }

        if (_completed)
        {
            channel.Writer.TryComplete();
        }
        else
        {
            _subscribers.Add(channel);
        }

        return channel;
    }

    /// <summary>Stops sending to a watcher.</summary>
    public void Unsubscribe(Channel<ClusterChange> channel)
    {
        _subscribers.Remove(channel);
        channel.Writer.TryComplete();
    }

    /// <summary>Sends a change to every watcher.</summary>
    public void Publish(ClusterChange change)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Writer.TryWrite(change);
        }
    }

    /// <summary>Ends every watch (the namespace is gone).</summary>
    public void Complete()
    {
        _completed = true;
        foreach (var subscriber in _subscribers)
        {
            subscriber.Writer.TryComplete();
        }

        _subscribers.Clear();
    }
}
