using System.Collections.Concurrent;
using System.Globalization;
using Reqnroll;

namespace ProbeHarness.Gherkin.Tests.Bindings;

/// <summary>
/// Bindings of Features/Parallel: each feature announces its arrival and waits for the other's. Both pass only when
/// the two feature classes run at the same time, which is what the adapter promises; the output shows the timestamps.
/// </summary>
[Binding]
public sealed class RendezvousSteps(ITestOutputHelper output)
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<DateTimeOffset>> Arrivals = new();

    [When("feature {string} arrives at the rendezvous")]
    public void WhenArrives(string feature)
    {
        var now = DateTimeOffset.UtcNow;
        ArrivalOf(feature).TrySetResult(now);
        output.WriteLine($"{feature} arrived at {now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)}");
    }

    [Then("feature {string} arrives at the rendezvous within {int} seconds")]
    public async Task ThenOtherArrives(string feature, int seconds)
    {
        var arrival = ArrivalOf(feature).Task;
        var finished = await Task.WhenAny(arrival, Task.Delay(TimeSpan.FromSeconds(seconds), TestContext.Current.CancellationToken));
        Assert.True(
            finished == arrival,
            $"Feature \"{feature}\" did not arrive within {seconds} s: the two feature classes did not run side by side.");
        output.WriteLine($"{feature} had arrived at {arrival.Result.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)}");
    }

    private static TaskCompletionSource<DateTimeOffset> ArrivalOf(string feature) =>
        Arrivals.GetOrAdd(feature, _ => new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously));
}
