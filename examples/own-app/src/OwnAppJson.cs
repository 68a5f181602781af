using System.Text.Json;
using System.Text.Json.Serialization;
using OwnApp.Health;
using OwnApp.Orders;

namespace OwnApp;

/// <summary>Source-generated JSON (camelCase) for every body the service reads or writes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthStatus))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(IReadOnlyList<Order>))]
[JsonSerializable(typeof(NewOrder))]
[JsonSerializable(typeof(ErrorBody))]
public sealed partial class OwnAppJson : JsonSerializerContext;
