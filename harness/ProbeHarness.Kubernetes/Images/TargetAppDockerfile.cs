namespace ProbeHarness.Kubernetes.Images;

/// <summary>Where the target app's Dockerfile and its ignore file are, as Testcontainers' image builder needs them named.</summary>
/// <param name="ContextDirectory">The build context: the repository root.</param>
/// <param name="DockerfileDirectory">The Dockerfile's own folder: Testcontainers reads <c>&lt;Dockerfile&gt;.dockerignore</c> from here.</param>
/// <param name="DockerfileName">The Dockerfile's file name.</param>
public sealed record TargetAppDockerfile(string ContextDirectory, string DockerfileDirectory, string DockerfileName)
{
    /// <summary>The target app's Dockerfile in a repository.</summary>
    public static TargetAppDockerfile In(string repositoryRoot) =>
        new(repositoryRoot, Path.Combine(repositoryRoot, "target-app"), "Dockerfile");

    /// <summary>The Dockerfile's full path.</summary>
    public string DockerfilePath => Path.Combine(DockerfileDirectory, DockerfileName);

    /// <summary>The ignore file Testcontainers applies to the context: <c>target-app/Dockerfile.dockerignore</c>.</summary>
    public string IgnoreFilePath => Path.Combine(DockerfileDirectory, DockerfileName + ".dockerignore");
}
