namespace ProbeHarness.Kubelet.Runtime;

/// <summary>Starts containers for the kubelet emulator (the emulated backend runs them as OS processes).</summary>
public interface IContainerRuntime
{
    /// <summary>Starts one instance of a container; a start failure surfaces as an exited instance with exit code 128.</summary>
    Task<IContainerInstance> StartAsync(ContainerLaunch launch, CancellationToken cancellationToken);
}
