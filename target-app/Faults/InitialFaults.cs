using ProbeHarness.TargetApp.Configuration;

namespace ProbeHarness.TargetApp.Faults;

/// <summary>The fault state a process starts with: the persisted state when <c>FAULT_STATE_DIR</c> holds one, else <c>FAULTS_AT_START</c>, else healthy.</summary>
/// <param name="Snapshot">The starting state.</param>
/// <param name="Source">Where it came from: <c>FAULT_STATE_DIR</c>, <c>FAULTS_AT_START</c> or <c>none</c>.</param>
public sealed record InitialFaults(FaultSnapshot Snapshot, string Source)
{
    /// <summary>Decides the starting state; throws <see cref="SettingsException"/> for a bad <c>FAULTS_AT_START</c> or state file.</summary>
    /// <remarks><c>FAULTS_AT_START</c> is validated even when a persisted state wins, so a bad value always stops the process.</remarks>
    public static InitialFaults Load(TargetAppSettings settings, FaultStateFile? stateFile, DateTimeOffset now)
    {
        FaultSnapshot? fromEnvironment = null;
        if (settings.FaultsAtStart is { } text)
        {
            try
            {
                fromEnvironment = FaultSnapshotParser.ParseRequests(text, now);
            }
            catch (FaultInputException exception)
            {
                throw new SettingsException("FAULTS_AT_START", exception.Message);
            }
        }

        if (stateFile?.Load() is { } persisted)
        {
            return new InitialFaults(persisted, "FAULT_STATE_DIR");
        }

        return fromEnvironment is null
            ? new InitialFaults(FaultSnapshot.Healthy, "none")
            : new InitialFaults(fromEnvironment, "FAULTS_AT_START");
    }
}
