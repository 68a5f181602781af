using ProbeHarness.Kubelet.Timing;

namespace ProbeHarness.Steps.Drivers;

/// <summary>What one timing measures: a reaction of one pod, counted from a reference moment.</summary>
/// <param name="PodName">The pod's name in the cluster.</param>
/// <param name="Measure">The reaction.</param>
/// <param name="Reference">What it is counted from.</param>
/// <param name="Detail">A qualifier telling timings of one kind apart (e.g. <c>back-off 2</c>), or null.</param>
public sealed record TimedReaction(string PodName, ReactionMeasure Measure, TimingReference Reference, string? Detail = null);
