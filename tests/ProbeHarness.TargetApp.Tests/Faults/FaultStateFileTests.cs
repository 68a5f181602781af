using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Faults;

namespace ProbeHarness.TargetApp.Tests.Faults;

public sealed class FaultStateFileTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("fault-state-test-");

    [Fact]
    public void A_saved_snapshot_loads_back_equal_and_leaves_no_temporary_file()
    {
        // Given
        var file = new FaultStateFile(_directory.FullName);
        var snapshot = FaultSnapshot.Healthy
            .With(ProbeKind.Liveness, new ProbeFault(FaultMode.Fail, Status: 503, ActiveUntil: Now.AddSeconds(30)))
            .With(ProbeKind.Startup, new ProbeFault(FaultMode.Redirect, Status: 307, Location: "/healthz-target")) with { DependencyAvailable = false };

        // When
        file.Save(snapshot, Now);
        var loaded = file.Load();

        // Then
        Assert.Equal(snapshot, loaded);
        Assert.Equal([FaultStateFile.FileName], _directory.GetFiles().Select(found => found.Name));
    }

    [Fact]
    public void No_file_loads_as_null()
    {
        // Given
        var file = new FaultStateFile(_directory.FullName);

        // When
        var loaded = file.Load();

        // Then
        Assert.Null(loaded);
    }

    [Fact]
    public void A_corrupt_file_names_FAULT_STATE_DIR_and_the_file()
    {
        // Given
        var file = new FaultStateFile(_directory.FullName);
        File.WriteAllText(file.Path, "{\"liveness\":");

        // When
        var error = Assert.Throws<SettingsException>(() => file.Load());

        // Then
        Assert.Equal("FAULT_STATE_DIR", error.Variable);
        Assert.Contains(file.Path, error.Message);
        Assert.Contains("line 1", error.Message);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
