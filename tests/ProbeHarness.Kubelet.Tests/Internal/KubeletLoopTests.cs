using ProbeHarness.Kubelet.Internal;

namespace ProbeHarness.Kubelet.Tests.Internal;

/// <summary>The serial loop: in-order, non-reentrant, failures reported, closed loops drop work.</summary>
public sealed class KubeletLoopTests
{
    [Fact]
    public void Actions_posted_from_an_action_run_after_it_in_order()
    {
        // Given a loop counting "after each" calls
        var log = new List<string>();
        var after = 0;
        KubeletLoop? loop = null;
        loop = new KubeletLoop(() => after++, ex => log.Add($"error {ex.Message}"));

        // When an action posts two more and throws afterwards
        loop.Post(() =>
        {
            log.Add("a");
            loop.Post(() => log.Add("c"));
            loop.Post(() => throw new InvalidOperationException("d"));
            log.Add("b");
        });

        // Then nested posts ran after the first action, in order, the failure was reported, and the hook ran after each
        Assert.Equal(["a", "b", "c", "error d"], log);
        Assert.Equal(3, after);
    }

    [Fact]
    public void A_closed_loop_ignores_posts()
    {
        // Given a closed loop
        var ran = false;
        var loop = new KubeletLoop(() => { }, _ => { });
        loop.Close();

        // When something is posted
        loop.Post(() => ran = true);

        // Then it never runs
        Assert.False(ran);
    }
}
