namespace ProbeHarness.Kubelet.Containers;

/// <summary>What part a container plays in its pod, which decides when it starts, whether it is probed and restarted.</summary>
internal enum ContainerKind
{
    /// <summary>An entry of <c>spec.containers</c>.</summary>
    App,

    /// <summary>A plain init container: runs to completion, in order, before the app containers; never probed.</summary>
    Init,

    /// <summary>A restartable init container (<c>restartPolicy: Always</c>): started in order, probed, always restarted, stopped last.</summary>
    Sidecar,
}
