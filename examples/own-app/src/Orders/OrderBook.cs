namespace OwnApp.Orders;

/// <summary>The orders in memory (lost on restart, as a pod's would be), seeded with two so a fresh instance lists something.</summary>
public sealed class OrderBook
{
    private readonly Lock _lock = new();
    private readonly List<Order> _orders = [new(1, "coffee beans", 2), new(2, "oat milk", 1)];

    /// <summary>The orders, oldest first.</summary>
    public IReadOnlyList<Order> All()
    {
        lock (_lock)
        {
            return [.. _orders];
        }
    }

    /// <summary>Adds an order with the next number and returns it.</summary>
    public Order Add(string item, int quantity)
    {
        lock (_lock)
        {
            var order = new Order(_orders.Count == 0 ? 1 : _orders[^1].Id + 1, item, quantity);
            _orders.Add(order);
            return order;
        }
    }
}
