using k8s.Models;
using ProbeHarness.Emulated.Containers;
using ProbeHarness.Emulated.Images;
using ProbeHarness.Emulated.Processes;
using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Emulated.Tests.Support;

/// <summary>A process runtime over a private temporary run directory, with a small image map (busybox semantics and the target app).</summary>
internal sealed class TestRuntime : IAsyncDisposable
{
    private const string Images = """
        { "images": [
          { "repository": "busybox", "cmd": [ "sh" ], "multicall": "busybox" },
          { "repository": "probe-harness/target-app", "entrypoint": [ "{dotnet}", "{targetAppDll}" ], "env": { "HEALTH_FILE": "/tmp/healthy" } } ] }
        """;

    public TestRuntime()
    {
        Directory = Path.Combine(Path.GetTempPath(), "probe-harness-tests", Guid.NewGuid().ToString("N"));
        Ledger = new ProcessGroupLedger(Directory);
        Runtime = new ProcessContainerRuntime(EmulatedImageMap.Parse(Images, "test images"), Path.Combine(Directory, "pods"), Ledger, TimeProvider.System);
    }

    public string Directory { get; }

    public ProcessGroupLedger Ledger { get; }

    public ProcessContainerRuntime Runtime { get; }

    /// <summary>A one-container pod with an emptyDir mounted at /data.</summary>
    public static V1Pod Pod(V1Container container, string name = "pod-1") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "ns", Uid = Guid.NewGuid().ToString() },
        Spec = new V1PodSpec
        {
            NodeName = "emulated",
            Containers = [container],
            Volumes = [new V1Volume { Name = "data", EmptyDir = new V1EmptyDirVolumeSource() }],
        },
    };

    /// <summary>A busybox container running <paramref name="command"/> with /data mounted.</summary>
    public static V1Container Busybox(params string[] command) => new()
    {
        Name = "app",
        Image = "busybox:1.36",
        Command = command,
        VolumeMounts = [new V1VolumeMount { Name = "data", MountPath = "/data" }],
    };

    public Task<IContainerInstance> StartAsync(V1Pod pod, int restartCount = 0, string podIp = "127.20.0.9") =>
        Runtime.StartAsync(new ContainerLaunch(pod, pod.Spec.Containers[0], podIp, restartCount), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        Ledger.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
