using ProbeHarness.Kubernetes.Api;

namespace ProbeHarness.Kubernetes.Tests.Api;

public sealed class DurationsTests
{
    [Theory]
    [InlineData(300, "0.3 s")]
    [InlineData(4240, "4.2 s")]
    [InlineData(180000, "180 s")]
    public void Formats_short_durations_with_a_decimal(int milliseconds, string expected)
    {
        // Given a duration
        // When it is formatted
        // Then short ones keep a decimal and long ones are whole seconds
        Assert.Equal(expected, Durations.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
