using ProbeHarness.Kubelet.Containers;
using ProbeHarness.Kubelet.Tests.Fakes;

namespace ProbeHarness.Kubelet.Tests.Containers;

/// <summary>flowcontrol.Backoff as doBackOff uses it (§1.6).</summary>
public sealed class CrashLoopBackOffTests
{
    [Fact]
    public void No_entry_means_no_back_off_then_the_delay_doubles_to_the_cap()
    {
        // Given a 10 s / 300 s back-off
        var backOff = new CrashLoopBackOff(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(300));
        var t = TestClock.Epoch;

        // When Next is called repeatedly
        var delays = new List<double>();
        Assert.False(backOff.IsInBackOffSince("k", t, t));
        for (var i = 0; i < 8; i++)
        {
            backOff.Next("k", t, t);
            delays.Add(backOff.Get("k").TotalSeconds);
        }

        // Then 10, 20, 40, 80, 160, 300, 300, 300
        Assert.Equal([10.0, 20, 40, 80, 160, 300, 300, 300], delays);
    }

    [Fact]
    public void In_back_off_until_the_delay_has_passed_since_the_exit()
    {
        // Given an entry of 10 s updated at t
        var backOff = new CrashLoopBackOff(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(300));
        var t = TestClock.Epoch;
        backOff.Next("k", t, t);

        // When an exit at t+5 is checked at t+14.9 and t+15
        var exit = t.AddSeconds(5);

        // Then the back-off holds until exit + 10 s exactly
        Assert.True(backOff.IsInBackOffSince("k", exit, t.AddSeconds(14.9)));
        Assert.False(backOff.IsInBackOffSince("k", exit, t.AddSeconds(15)));
    }

    [Fact]
    public void An_exit_more_than_twice_the_cap_after_the_last_update_resets_the_entry()
    {
        // Given an entry grown to 40 s, last updated at t
        var backOff = new CrashLoopBackOff(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(300));
        var t = TestClock.Epoch;
        backOff.Next("k", t, t);
        backOff.Next("k", t, t);
        backOff.Next("k", t, t);

        // When the next exit comes 601 s later
        var exit = t.AddSeconds(601);

        // Then it is not in back-off and Next starts over at 10 s
        Assert.False(backOff.IsInBackOffSince("k", exit, exit));
        backOff.Next("k", exit, exit);
        Assert.Equal(TimeSpan.FromSeconds(10), backOff.Get("k"));
    }
}
