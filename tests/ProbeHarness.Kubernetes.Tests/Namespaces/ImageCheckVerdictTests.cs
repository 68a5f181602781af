using k8s.Models;
using ProbeHarness.Kubernetes.Namespaces;

namespace ProbeHarness.Kubernetes.Tests.Namespaces;

public sealed class ImageCheckVerdictTests
{
    [Theory]
    [InlineData("ErrImagePull")]
    [InlineData("ImagePullBackOff")]
    [InlineData("ErrImageNeverPull")]
    public void An_image_the_kubelet_cannot_get_is_a_problem_naming_its_reason(string reason)
    {
        // Given a check pod waiting because of the image
        var status = Waiting(reason, "Container image \"example/never-built:dev\" is not present with pull policy of Never");

        // When
        var verdict = KubernetesScenarioNamespace.Verdict("example/never-built:dev", needsShell: false, status);

        // Then
        Assert.NotNull(verdict);
        Assert.False(verdict.Usable);
        Assert.False(verdict.NoShell);
        Assert.StartsWith($"{reason}: Container image", verdict.Problem);
    }

    [Fact]
    public void A_shell_check_that_cannot_start_its_command_means_no_shell_and_one_that_exits_0_means_a_shell()
    {
        // Given /bin/sh -c 'exit 0' in an image without and with a shell
        var missing = Waiting("StartError", "exec: \"/bin/sh\": stat /bin/sh: no such file or directory");
        var ran = new V1ContainerStatus { State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 0, Reason = "Completed" } } };

        // When
        var without = KubernetesScenarioNamespace.Verdict("app:dev", needsShell: true, missing);
        var with = KubernetesScenarioNamespace.Verdict("app:dev", needsShell: true, ran);

        // Then
        Assert.True(without is { Usable: false, NoShell: true });
        Assert.True(with is { Usable: true });
    }

    [Fact]
    public void A_running_container_proves_the_image_unless_a_shell_is_asked_for_and_creating_decides_nothing()
    {
        // Given
        var running = new V1ContainerStatus { State = new V1ContainerState { Running = new V1ContainerStateRunning() } };
        var creating = Waiting("ContainerCreating", null);

        // When / Then
        Assert.True(KubernetesScenarioNamespace.Verdict("app:dev", needsShell: false, running) is { Usable: true });
        Assert.Null(KubernetesScenarioNamespace.Verdict("app:dev", needsShell: true, running));
        Assert.Null(KubernetesScenarioNamespace.Verdict("app:dev", needsShell: false, creating));
        Assert.Null(KubernetesScenarioNamespace.Verdict("app:dev", needsShell: false, null));
    }

    private static V1ContainerStatus Waiting(string reason, string? message) =>
        new() { State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = reason, Message = message } } };
}
