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

        /// <summary>
        /// Each value's work is chained behind the previous one's, so results keep their order
        /// without a thread waiting on a grain call.
        /// </summary>
        private sealed class Forwarder(IObserver<TResult> observer, Func<T, Action<TResult>, Task> onNext) : IObserver<T>
        {
            private readonly Lock gate = new();
            private Task tail = Task.CompletedTask;

            public void OnCompleted() => Chain(() =>
            {
                observer.OnCompleted();
                return Task.CompletedTask;
            });

            public void OnError(Exception error) => Chain(() =>
            {
                observer.OnError(error);
                return Task.CompletedTask;
            });

            public void OnNext(T value) => Chain(async () =>
            {
                try
                {
                    await onNext(value, observer.OnNext).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    observer.OnError(ex);
                }
            });

            private void Chain(Func<Task> step)
            {
                lock (gate)
                {
                    tail = tail.ContinueWith(_ => step(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
                }
            }
        }
    }
}
