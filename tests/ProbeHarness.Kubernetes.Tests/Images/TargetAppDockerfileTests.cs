using DotNet.Testcontainers.Images;
using Microsoft.Extensions.Logging.Abstractions;
using ProbeHarness.Cluster;
using ProbeHarness.Kubernetes.Images;

namespace ProbeHarness.Kubernetes.Tests.Images;

public sealed class TargetAppDockerfileTests
{
    [Fact]
    public void Names_the_dockerfile_so_testcontainers_finds_its_ignore_file()
    {
        // Given the repository
        // When the target app's Dockerfile is located
        var dockerfile = TargetAppDockerfile.In("/repo");

        // Then the context is the root and the ignore file sits next to the Dockerfile
        Assert.Equal("/repo", dockerfile.ContextDirectory);
        Assert.Equal("/repo/target-app/Dockerfile", dockerfile.DockerfilePath);
        Assert.Equal("/repo/target-app/Dockerfile.dockerignore", dockerfile.IgnoreFilePath);
    }

    [Fact]
    public void The_repositorys_ignore_file_keeps_build_outputs_out_of_the_context()
    {
        // Given this repository's Dockerfile and ignore file
        var dockerfile = TargetAppDockerfile.In(RepositoryPaths.Root);
        if (!File.Exists(dockerfile.IgnoreFilePath))
        {
            Assert.Skip($"{dockerfile.IgnoreFilePath} does not exist yet.");
        }

        // When Testcontainers' own ignore-file matcher reads it
        var ignore = new IgnoreFile(File.ReadLines(dockerfile.IgnoreFilePath), NullLogger.Instance);

        // Then the sources and central build files are sent, and host build outputs and other projects are not
        Assert.True(ignore.Accepts("target-app/Program.cs"));
        Assert.True(ignore.Accepts("Directory.Packages.props"));
        Assert.True(ignore.Denies("target-app/obj/project.assets.json"));
        Assert.True(ignore.Denies("target-app/bin/Debug/net10.0/ProbeHarness.TargetApp.dll"));
        Assert.True(ignore.Denies("harness/ProbeHarness.Kubernetes/ProbeHarness.Kubernetes.csproj"));
    }
}
