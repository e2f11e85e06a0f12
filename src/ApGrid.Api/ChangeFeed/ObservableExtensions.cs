namespace ApGrid.Api.ChangeFeed;

/// <summary>The two operators subscriptions need, without taking a dependency on Rx.</summary>
public static class ObservableExtensions
{
    public static IObservable<T> Where<T>(this IObservable<T> source, Func<T, bool> predicate) =>
        new Operator<T, T>(source, (value, next) =>
        {
            if (predicate(value)) next(value);
            return Task.CompletedTask;
        });

    /// <summary>Maps each value asynchronously, emitting results in the order the values came.</summary>
    public static IObservable<TResult> SelectAsync<T, TResult>(this IObservable<T> source, Func<T, Task<TResult>> selector) =>
        new Operator<T, TResult>(source, async (value, next) => next(await selector(value).ConfigureAwait(false)));

    private sealed class Operator<T, TResult>(IObservable<T> source, Func<T, Action<TResult>, Task> onNext) : IObservable<TResult>
    {
        public IDisposable Subscribe(IObserver<TResult> observer) => source.Subscribe(new Forwarder(observer, onNext));

        private sealed class Forwarder(IObserver<TResult> observer, Func<T, Action<TResult>, Task> onNext) : IObserver<T>
        {
            private readonly Lock order = new();

            public void OnCompleted() => observer.OnCompleted();

            public void OnError(Exception error) => observer.OnError(error);

            public void OnNext(T value)
            {
                // Values arrive one at a time from the stream; the gate keeps async results in arrival order.
                lock (order)
                {
                    try
                    {
                        onNext(value, observer.OnNext).GetAwaiter().GetResult();
                    }
                    catch (Exception ex)
                    {
                        observer.OnError(ex);
                    }
                }
            }
        }
    }
}
