using DotNet.Testcontainers.Containers;
using ProbeHarness.Cluster;
using ProbeHarness.Kubernetes.Images;

namespace ProbeHarness.Kubernetes.Tests.Images;

public sealed class ContainerdImportTests
{
    private static readonly ImageLoadPlan Plan = ImageLoadPlan.For("sha256:" + new string('a', 64), "/cache");

    /// <summary>Records what is run in the container and answers ctr as a scripted containerd would.</summary>
    private sealed class ScriptedShell(params ExecResult[] answers) : IContainerShell
    {
        private readonly Queue<ExecResult> _answers = new(answers);

        public List<string> Log { get; } = [];

        public Task<ExecResult> ExecAsync(IList<string> command, CancellationToken cancellationToken)
        {
            Log.Add(string.Join(' ', command));
            return Task.FromResult(_answers.Count > 0 ? _answers.Dequeue() : new ExecResult(string.Empty, string.Empty, 0));
        }

        public Task CopyFileAsync(FileInfo file, string directory, CancellationToken cancellationToken)
        {
            Log.Add($"copy {file.FullName} -> {directory}");
            return Task.CompletedTask;
        }
    }

    private static ExecResult Listed => new(Plan.ContainerdName + "\n", string.Empty, 0);

    private static ExecResult NotListed => new(string.Empty, string.Empty, 0);

    [Fact]
    public async Task Imports_an_image_containerd_does_not_have()
    {
        // Given a containerd without the image, that lists it after the import
        var shell = new ScriptedShell(NotListed, new ExecResult("unpacking docker.io/probe-harness/target-app:sha-aaaaaaaaaaaa...done\n", string.Empty, 0), NotListed, Listed);

        // When the archive is imported
        var imported = await ContainerdImport.ImportAsync(shell, Plan, TestContext.Current.CancellationToken);

        // Then it listed, copied, imported into k8s.io, removed the copy and checked again, in that order
        Assert.True(imported);
        Assert.Equal(
        [
            "ctr -n k8s.io images ls -q name==docker.io/probe-harness/target-app:sha-aaaaaaaaaaaa",
            "copy /cache/target-app-sha-aaaaaaaaaaaa.tar -> /tmp/probe-harness",
            "ctr -n k8s.io images import /tmp/probe-harness/target-app-sha-aaaaaaaaaaaa.tar",
            "rm -f /tmp/probe-harness/target-app-sha-aaaaaaaaaaaa.tar",
            "ctr -n k8s.io images ls -q name==docker.io/probe-harness/target-app:sha-aaaaaaaaaaaa",
        ], shell.Log);
    }

    [Fact]
    public async Task Skips_an_image_containerd_already_has()
    {
        // Given a containerd that lists the image
        var shell = new ScriptedShell(Listed);

        // When the archive is imported
        var imported = await ContainerdImport.ImportAsync(shell, Plan, TestContext.Current.CancellationToken);

        // Then nothing is copied or imported
        Assert.False(imported);
        Assert.Single(shell.Log);
    }

    [Fact]
    public async Task A_failed_import_reports_ctrs_error()
    {
        // Given ctr failing on the archive
        var shell = new ScriptedShell(NotListed, new ExecResult(string.Empty, "ctr: content digest sha256:bbbb: not found\n", 1));

        // When the archive is imported
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => ContainerdImport.ImportAsync(shell, Plan, TestContext.Current.CancellationToken));

        // Then the message has the command, the exit code and ctr's error, and the copy was still removed
        Assert.Equal("'ctr -n k8s.io images import /tmp/probe-harness/target-app-sha-aaaaaaaaaaaa.tar' failed in the K3s container (exit 1): ctr: content digest sha256:bbbb: not found", error.Message);
        Assert.Contains("rm -f /tmp/probe-harness/target-app-sha-aaaaaaaaaaaa.tar", shell.Log);
    }

    [Fact]
    public async Task An_import_that_leaves_the_image_unnamed_is_caught()
    {
        // Given an import that succeeds but names nothing (an archive saved by id)
        var shell = new ScriptedShell(NotListed, new ExecResult("unpacking sha256:cccc...done", string.Empty, 0), NotListed, NotListed);

        // When the archive is imported
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => ContainerdImport.ImportAsync(shell, Plan, TestContext.Current.CancellationToken));

        // Then the message says containerd lacks the name
        Assert.Equal("After the import K3s's containerd does not list docker.io/probe-harness/target-app:sha-aaaaaaaaaaaa; ctr printed: unpacking sha256:cccc...done", error.Message);
    }
}
