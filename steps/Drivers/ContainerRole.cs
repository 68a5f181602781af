namespace ProbeHarness.Steps.Drivers;

/// <summary>What part a container the scenario adds plays in the pod.</summary>
public enum ContainerRole
{
    /// <summary>Another entry of <c>spec.containers</c>, beside the target app.</summary>
    Regular,

    /// <summary>A restartable init container (<c>restartPolicy: Always</c> in <c>spec.initContainers</c>, Kubernetes 1.29+).</summary>
    Sidecar,

    /// <summary>A plain init container: runs to completion, in order, before the app containers start.</summary>
    Init,
}
