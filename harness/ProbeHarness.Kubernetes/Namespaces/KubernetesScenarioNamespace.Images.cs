using System.Security.Cryptography;
using System.Text;
using k8s;
using k8s.Models;
using ProbeHarness.Cluster;
using ProbeHarness.Kubernetes.Api;

namespace ProbeHarness.Kubernetes.Namespaces;

/// <summary>Checking a user's image with a short-lived pod before the workload uses it (a usable one once per run).</summary>
public sealed partial class KubernetesScenarioNamespace
{
    private static readonly TimeSpan CheckPoll = TimeSpan.FromMilliseconds(500);

    // The kubelet's reasons for an image it cannot get (images.ErrImagePull, ErrImagePullBackOff, …).
    private static readonly string[] PullFailures = ["ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull", "ImageInspectError", "RegistryUnavailable"];

    /// <inheritdoc />
    public async Task<ImageCheck> CheckImageAsync(string image, string? pullPolicy, bool needsShell, TimeSpan within, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        if (_context.UsableImages.TryGetValue((image, pullPolicy, needsShell), out var known))
        {
            return known;
        }

        if (_context.PrepareImages is { } prepare)
        {
            await prepare([image], cancellationToken).ConfigureAwait(false);
        }

        var name = "image-check-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(image)))[..10];
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Name, Labels = new Dictionary<string, string> { [ImageCheck.PodLabel] = ImageCheck.PodLabelValue } },
            Spec = new V1PodSpec
            {
                RestartPolicy = "Never",
                TerminationGracePeriodSeconds = 0,
                Containers =
                [
                    new V1Container
                    {
                        Name = "check",
                        Image = image,
                        ImagePullPolicy = pullPolicy,
                        // With a shell to prove, the shell itself is the command; else the image's own entrypoint runs until the pod is deleted.
                        Command = needsShell ? ["/bin/sh", "-c", "exit 0"] : null,
                    },
                ],
            },
        };
        await Api.RunAsync($"creating pod {name} in {Name} to check image {image}", token => Client.CoreV1.CreateNamespacedPodAsync(pod, Name, cancellationToken: token), cancellationToken)
            .ConfigureAwait(false);
        try
        {
            var deadline = DateTimeOffset.UtcNow + within;
            while (true)
            {
                var seen = await Api.RunAsync($"reading pod {name} in {Name}", token => Client.CoreV1.ReadNamespacedPodAsync(name, Name, cancellationToken: token), cancellationToken)
                    .ConfigureAwait(false);
                if (Verdict(image, needsShell, seen.Status?.ContainerStatuses?.FirstOrDefault()) is { } verdict)
                {
                    if (verdict.Usable)
                    {
                        _context.UsableImages[(image, pullPolicy, needsShell)] = verdict;
                    }

                    return verdict;
                }

                if (DateTimeOffset.UtcNow >= deadline)
                {
                    var state = seen.Status?.ContainerStatuses?.FirstOrDefault()?.State?.Waiting;
                    return new ImageCheck(image, $"it did not start within {within.TotalSeconds:0} s ({state?.Reason ?? seen.Status?.Phase ?? "no status"}{(state?.Message is { } m ? $": {m}" : string.Empty)})");
                }

                await Task.Delay(CheckPoll, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await Api.RunAsync($"deleting pod {name} in {Name}", token => Client.CoreV1.DeleteNamespacedPodAsync(name, Name, gracePeriodSeconds: 0, cancellationToken: token), CancellationToken.None)
                .ConfigureAwait(false);
        }
    }

    /// <summary>What a check pod's container status says, or null while it is still being decided.</summary>
    public static ImageCheck? Verdict(string image, bool needsShell, V1ContainerStatus? status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        if (status?.State is not { } state)
        {
            return null;
        }

        if (state.Waiting is { } waiting)
        {
            if (PullFailures.Contains(waiting.Reason))
            {
                return new ImageCheck(image, $"{waiting.Reason}: {waiting.Message}");
            }

            // The runtime could not start the command: with a shell to prove, that is the missing shell.
            return waiting.Reason is "CreateContainerError" or "RunContainerError" or "StartError"
                ? new ImageCheck(image, $"{waiting.Reason}: {waiting.Message}", NoShell: needsShell)
                : null;
        }

        if (state.Terminated is { } terminated)
        {
            return !needsShell || terminated.ExitCode == 0
                ? ImageCheck.Ok(image)
                : new ImageCheck(image, $"/bin/sh -c 'exit 0' ended with {terminated.ExitCode} ({terminated.Reason}: {terminated.Message})", NoShell: true);
        }

        // Running: the image was there; only a shell check waits for the command to end.
        return needsShell ? null : ImageCheck.Ok(image);
    }
}
