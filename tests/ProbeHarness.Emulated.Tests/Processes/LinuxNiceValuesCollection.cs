namespace ProbeHarness.Emulated.Tests.Processes;

/// <summary>Runs <see cref="LinuxNiceValuesTests"/> apart from every other test of the process.</summary>
[CollectionDefinition(nameof(LinuxNiceValuesTests), DisableParallelization = true)]
public sealed class LinuxNiceValuesCollection;
