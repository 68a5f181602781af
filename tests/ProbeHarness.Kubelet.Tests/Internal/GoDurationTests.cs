using ProbeHarness.Kubelet.Internal;

namespace ProbeHarness.Kubelet.Tests.Internal;

/// <summary>Go <c>Duration.String()</c> rendering.</summary>
public sealed class GoDurationTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(10, "10s")]
    [InlineData(80, "1m20s")]
    [InlineData(160, "2m40s")]
    [InlineData(300, "5m0s")]
    [InlineData(3600, "1h0m0s")]
    [InlineData(1.5, "1.5s")]
    [InlineData(0.5, "500ms")]
    public void Durations_print_as_in_Go(double seconds, string expected)
    {
        // Given / When / Then
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromSeconds(seconds)));
    }
}
