using ProbeHarness.Kubernetes.Manifests;
using ProbeHarness.Kubernetes.Tests.Support;

namespace ProbeHarness.Kubernetes.Tests.Manifests;

public sealed class RealClusterManifestTests
{
    [Fact]
    public void Sets_namespace_image_and_pull_policy_on_a_copy()
    {
        // Given a workload written for any namespace with the image placeholder
        var workload = Workloads.TargetApp();

        // When it is rendered for a real cluster
        var rendered = RealClusterManifest.Render(workload, "ph-r1-1-x", "probe-harness/target-app:sha-0123456789ab");

        // Then the copy is in the namespace, runs the loaded image without pulling, and the original is untouched
        Assert.Equal("ph-r1-1-x", rendered.Deployment.Metadata.NamespaceProperty);
        Assert.Equal("ph-r1-1-x", rendered.Service.Metadata.NamespaceProperty);
        var app = rendered.Deployment.Spec.Template.Spec.Containers.Single();
        Assert.Equal("probe-harness/target-app:sha-0123456789ab", app.Image);
        Assert.Equal("IfNotPresent", app.ImagePullPolicy);
        Assert.Equal(3, app.LivenessProbe.FailureThreshold);
        Assert.Equal("default", workload.Deployment.Metadata.NamespaceProperty);
        Assert.Equal("probe-harness/target-app", workload.Deployment.Spec.Template.Spec.Containers.Single().Image);
    }

    [Fact]
    public void Leaves_other_images_alone()
    {
        // Given a workload with a busybox init container
        // When it is rendered
        var init = RealClusterManifest.Render(Workloads.TargetApp(), "ns", "img:tag").Deployment.Spec.Template.Spec.InitContainers.Single();

        // Then the init container keeps its own image and policy
        Assert.Equal("busybox:1.36", init.Image);
        Assert.Equal("Always", init.ImagePullPolicy);
    }

    [Fact]
    public void A_workload_without_a_pod_template_is_refused_naming_the_field()
    {
        // Given a Deployment without spec
        var workload = Workloads.TargetApp();
        workload.Deployment.Spec = null;

        // When it is rendered
        var error = Assert.Throws<ArgumentException>(() => RealClusterManifest.Render(workload, "ns", "img:tag"));

        // Then the message names the missing field path
        Assert.StartsWith("Deployment target-app has no spec.template.spec.", error.Message);
    }

    [Fact]
    public void A_workload_without_names_is_refused_naming_the_field()
    {
        // Given a Service without a name
        var workload = Workloads.TargetApp();
        workload.Service.Metadata.Name = null;

        // When it is rendered
        var error = Assert.Throws<ArgumentException>(() => RealClusterManifest.Render(workload, "ns", "img:tag"));

        // Then the message names Service.metadata.name
        Assert.StartsWith("The workload has no Service.metadata.name.", error.Message);
    }
}
