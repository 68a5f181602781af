using k8s.Models;
using ProbeHarness.Emulated.Containers;
using ProbeHarness.Emulated.Images;

namespace ProbeHarness.Emulated.Tests.Containers;

public sealed class ContainerCommandLineTests
{
    private static readonly ResolvedImage Image = new("img", ["/entry", "$(X)"], ["default-cmd"], new Dictionary<string, string>(), null);

    [Fact]
    public void Image_entrypoint_and_cmd_run_when_the_container_sets_neither()
    {
        // Given
        var container = new V1Container { Name = "c" };

        // When
        var argv = ContainerCommandLine.For(container, Image, Lookup);

        // Then: the image's own words are not expanded.
        Assert.Equal(["/entry", "$(X)", "default-cmd"], argv);
    }

    [Fact]
    public void Args_replace_cmd_and_keep_the_entrypoint()
    {
        // Given
        var container = new V1Container { Name = "c", Args = ["--port=$(X)"] };

        // When
        var argv = ContainerCommandLine.For(container, Image, Lookup);

        // Then
        Assert.Equal(["/entry", "$(X)", "--port=8080"], argv);
    }

    [Fact]
    public void Command_replaces_the_entrypoint_and_drops_cmd()
    {
        // Given
        var container = new V1Container { Name = "c", Command = ["sleep", "$(X)"] };

        // When
        var argv = ContainerCommandLine.For(container, Image, Lookup);

        // Then
        Assert.Equal(["sleep", "8080"], argv);
    }

    [Fact]
    public void Command_and_args_run_together()
    {
        // Given
        var container = new V1Container { Name = "c", Command = ["sh", "-c"], Args = ["echo $(X) $$(X)"] };

        // When
        var argv = ContainerCommandLine.For(container, Image, Lookup);

        // Then
        Assert.Equal(["sh", "-c", "echo 8080 $(X)"], argv);
    }

    private static string? Lookup(string name) => name == "X" ? "8080" : null;
}
