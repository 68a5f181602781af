using k8s.Models;
using ProbeHarness.Kubelet.Semantics;
using ProbeHarness.Kubelet.Tests.Fakes;

namespace ProbeHarness.Kubelet.Tests.Semantics;

/// <summary>§1.12 EndpointSlice mapping, v1.32 and v1.20.</summary>
public sealed class EndpointSliceMappingTests
{
    public static TheoryData<string, string, bool, bool, bool, bool, bool?, bool?, bool?> Table => new()
    {
        // case, phase, hasIp, ready, terminating, publishNotReady → included, ready, serving, terminating
        { "ready running pod", "Running", true, true, false, false, true, true, false },
        { "unready running pod stays listed", "Running", true, false, false, false, false, false, false },
        { "terminating ready pod", "Running", true, true, true, false, false, true, true },
        { "terminating unready pod", "Running", true, false, true, false, false, false, true },
        { "publishNotReady unready", "Running", true, false, false, true, true, false, false },
        { "publishNotReady terminating", "Running", true, true, true, true, true, true, true },
        { "pending pod without IP", "Pending", false, false, false, false, null, null, null },
        { "failed pod", "Failed", true, false, false, false, null, null, null },
        { "succeeded pod", "Succeeded", true, false, false, true, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Pods_map_to_endpoints_as_the_v1_32_controller_does(
        string because, string phase, bool hasIp, bool ready, bool terminating, bool publishNotReady, bool? expectReady, bool? expectServing, bool? expectTerminating)
    {
        // Given a selected pod in the described state
        var pod = PodIn(phase, hasIp, ready, terminating);
        var service = Service(publishNotReady);

        // When it is mapped
        var membership = EndpointSliceMapping.Map(pod, service);

        // Then it is listed with the expected conditions (or left out)
        Assert.True(membership.Included == expectReady is not null, because);
        Assert.Equal(expectReady, membership.Conditions?.Ready);
        Assert.Equal(expectServing, membership.Conditions?.Serving);
        Assert.Equal(expectTerminating, membership.Conditions?.Terminating);
    }

    [Theory]
    [InlineData(false, false, null)]
    [InlineData(true, true, true)]
    public void Terminating_pods_leave_a_v1_20_slice_at_once_unless_not_ready_addresses_are_published(bool publishNotReady, bool included, bool? readyCondition)
    {
        // Given a ready pod being deleted
        var pod = PodIn("Running", true, true, true);

        // When mapped with the v1.20 profile
        var membership = EndpointSliceMapping.Map(pod, Service(publishNotReady), KubeletProfile.V120);

        // Then it is dropped (or kept with only "ready" set)
        Assert.Equal(included, membership.Included);
        Assert.Equal(readyCondition, membership.Conditions?.Ready);
        Assert.Null(membership.Conditions?.Serving);
    }

    [Fact]
    public void Only_selected_pods_in_the_namespace_are_endpoints()
    {
        // Given a service selecting app=web and pods with other labels or namespaces
        var service = Service(false);
        var other = PodIn("Running", true, true, false);
        other.Metadata.Labels["app"] = "api";
        var elsewhere = PodIn("Running", true, true, false);
        elsewhere.Metadata.NamespaceProperty = "other";

        // When / Then
        Assert.False(EndpointSliceMapping.Map(other, service).Included);
        Assert.False(EndpointSliceMapping.Map(elsewhere, service).Included);
        Assert.False(EndpointSliceMapping.Selects(new V1Service { Metadata = service.Metadata, Spec = new V1ServiceSpec() }, PodIn("Running", true, true, false)));
    }

    [Fact]
    public void An_endpoint_carries_the_address_node_and_target_ref()
    {
        // Given a ready pod on node "emulated"
        var pod = PodIn("Running", true, true, false);
        pod.Spec.NodeName = "emulated";

        // When it becomes an endpoint
        var endpoint = EndpointSliceMapping.ToEndpoint(pod, Service(false))!;

        // Then
        Assert.Equal(["127.0.0.10"], endpoint.Addresses);
        Assert.Equal("emulated", endpoint.NodeName);
        Assert.Equal(("Pod", "web-0", "default", "uid-1"), (endpoint.TargetRef.Kind, endpoint.TargetRef.Name, endpoint.TargetRef.NamespaceProperty, endpoint.TargetRef.Uid));
        Assert.True(endpoint.Conditions.Ready);
    }

    private static V1Pod PodIn(string phase, bool hasIp, bool ready, bool terminating)
    {
        var pod = TestPods.Pod(TestPods.Container());
        pod.Status = new V1PodStatus
        {
            Phase = phase,
            PodIP = hasIp ? "127.0.0.10" : null,
            Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False" }],
        };
        if (terminating)
        {
            pod.Metadata.DeletionTimestamp = TestClock.Epoch.UtcDateTime;
        }

        return pod;
    }

    private static V1Service Service(bool publishNotReady) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default" },
        Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" }, PublishNotReadyAddresses = publishNotReady },
    };
}
