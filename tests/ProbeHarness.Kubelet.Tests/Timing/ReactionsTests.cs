using ProbeHarness.Kubelet.Probing;
using ProbeHarness.Kubelet.Timing;

namespace ProbeHarness.Kubelet.Tests.Timing;

/// <summary>Roles and names come from the measure, in one place, never from searching a name for words.</summary>
public sealed class ReactionsTests
{
    [Theory]
    [InlineData(ReactionMeasure.FirstFailure, TimingRole.Detection)]
    [InlineData(ReactionMeasure.NotReady, TimingRole.Detection)]
    [InlineData(ReactionMeasure.Kill, TimingRole.Action)]
    [InlineData(ReactionMeasure.Restart, TimingRole.Action)]
    [InlineData(ReactionMeasure.EndpointNotReady, TimingRole.Action)]
    [InlineData(ReactionMeasure.BackOffDelay, TimingRole.Action)]
    [InlineData(ReactionMeasure.ReadyAgain, TimingRole.Recovery)]
    [InlineData(ReactionMeasure.EndpointReady, TimingRole.Recovery)]
    public void Each_measure_has_its_role(ReactionMeasure measure, TimingRole role)
    {
        // Given / When / Then (a crash-loop back-off was once counted as recovery because its name holds "back")
        Assert.Equal(role, Reactions.RoleOf(measure));
    }

    [Fact]
    public void Names_read_reference_then_reaction_and_the_detection_follows_the_probe_type()
    {
        // Given / When / Then
        Assert.Equal("fault→kill", Reactions.NameOf(TimingReference.Fault, ReactionMeasure.Kill));
        Assert.Equal("exit→restart", Reactions.NameOf(TimingReference.Exit, ReactionMeasure.BackOffDelay));
        Assert.Equal("recovery→endpoint-ready", Reactions.NameOf(TimingReference.Recovery, ReactionMeasure.EndpointReady));
        Assert.Equal(ReactionMeasure.NotReady, Reactions.DetectionOf(ProbeType.Readiness));
        Assert.Equal(ReactionMeasure.Kill, Reactions.DetectionOf(ProbeType.Startup));
    }
}
