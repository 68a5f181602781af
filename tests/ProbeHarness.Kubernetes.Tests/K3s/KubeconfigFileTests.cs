using ProbeHarness.Kubernetes.K3s;

namespace ProbeHarness.Kubernetes.Tests.K3s;

public sealed class KubeconfigFileTests
{
    private static string Folder() => Path.Combine(Path.GetTempPath(), $"ph-kubeconfig-{Guid.NewGuid():N}");

    [Fact]
    public void Is_written_for_its_owner_only_and_removed_when_disposed()
    {
        // Given a folder for the run's kubeconfig
        var folder = Folder();

        // When the kubeconfig is written and later disposed
        string path;
        using (var file = KubeconfigFile.Write(folder, "k3s-run.yaml", "apiVersion: v1\n"))
        {
            path = file.Path;

            // Then while the run lasts it exists with mode 0600
            Assert.Equal("apiVersion: v1\n", File.ReadAllText(path));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }

        // And afterwards it is gone
        Assert.False(File.Exists(path));
        Directory.Delete(folder);
    }

    [Fact]
    public void A_kept_file_stays()
    {
        // Given a kubeconfig kept for a person to reach a kept cluster
        var folder = Folder();
        var file = KubeconfigFile.Write(folder, "k3s-run.yaml", "x");

        // When it is kept and disposed
        file.Keep();
        file.Dispose();

        // Then it is still there
        Assert.True(File.Exists(file.Path));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void An_existing_file_is_never_overwritten()
    {
        // Given a file already at the path
        var folder = Folder();
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "k3s-run.yaml"), "someone else's");

        // When the kubeconfig is written there
        // Then it fails rather than replace it
        Assert.Throws<IOException>(() => KubeconfigFile.Write(folder, "k3s-run.yaml", "x"));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Leftovers_of_dead_runs_are_removed_but_live_and_kept_ones_stay()
    {
        // Given the kubeconfigs of a dead run, of this (live) process, and of a dead run that was kept
        var folder = Folder();
        var dead = KubeconfigFile.Write(folder, "k3s-dead0001-2147483646.yaml", "x").Path;
        var live = KubeconfigFile.Write(folder, KubeconfigFile.FileNameFor("live0001"), "x").Path;
        KubeconfigFile.Write(folder, "k3s-kept0001-2147483645.yaml", "x").Keep();

        // When a new run sweeps the folder
        var removed = KubeconfigFile.RemoveLeftovers(folder);

        // Then only the dead, unkept run's file is gone
        Assert.Equal([dead], removed);
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(Path.Combine(folder, "k3s-kept0001-2147483645.yaml")));
        Directory.Delete(folder, recursive: true);
    }
}
