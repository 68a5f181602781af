namespace ProbeHarness.Kubelet.Tests;

/// <summary>Profile and user agent derived from the kubelet version.</summary>
public sealed class KubeletOptionsTests
{
    [Theory]
    [InlineData("v1.32", KubeletProfile.V132, "kube-probe/1.32")]
    [InlineData("v1.32.3", KubeletProfile.V132, "kube-probe/1.32")]
    [InlineData("v1.20.2", KubeletProfile.V120, "kube-probe/1.20")]
    public void The_version_selects_profile_and_user_agent(string version, KubeletProfile profile, string userAgent)
    {
        // Given options with the version
        var options = new KubeletOptions { KubeletVersion = version };

        // When / Then
        Assert.Equal(profile, options.Profile);
        Assert.Equal(userAgent, options.ProbeUserAgent);
    }

    [Fact]
    public void Defaults_say_emulated_and_match_the_kubelet()
    {
        // Given default options
        var options = new KubeletOptions();

        // When / Then
        Assert.Equal("emulated", options.NodeName);
        Assert.Equal((10.0, 300.0), (options.BackOffInitial.TotalSeconds, options.BackOffMax.TotalSeconds));
        Assert.Equal(KubeletProfile.V132, options.Profile);
    }

    [Fact]
    public void Jitter_stretches_by_at_most_the_factor_and_is_reproducible()
    {
        // Given two options with the same seed
        var a = new KubeletOptions { Random = new Random(3) };
        var b = new KubeletOptions { Random = new Random(3) };

        // When jitter is drawn
        var first = Enumerable.Range(0, 20).Select(_ => a.Jitter(TimeSpan.FromSeconds(10), 0.5)).ToList();
        var second = Enumerable.Range(0, 20).Select(_ => b.Jitter(TimeSpan.FromSeconds(10), 0.5)).ToList();

        // Then every value is in [10, 15) and the sequences agree
        Assert.All(first, d => Assert.InRange(d.TotalSeconds, 10, 15));
        Assert.Equal(first, second);
    }
}
