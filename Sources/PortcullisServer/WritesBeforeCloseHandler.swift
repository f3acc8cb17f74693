import NIOCore

/// Holds a connection's close until the writes before it have reached the socket.
///
/// When graceful shutdown finds a request in flight, Hummingbird (2.28) writes the response's last
/// part and closes the connection at once; NIO drops whatever the socket has not taken yet, so a
/// response larger than the socket's buffer (a big `/v1/check` report) arrived cut. Sitting between
/// the HTTP codec and Hummingbird's connection handler, this handler counts the writes in flight and
/// passes a close on only when they are done (or after `limit`, so a peer that stops reading cannot
/// hold shutdown forever).
final class WritesBeforeCloseHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = Any
    typealias OutboundOut = Any

    private var pending = 0
    private var deferred: (mode: CloseMode, promise: EventLoopPromise<Void>?)?
    let limit: TimeAmount

    init(limit: TimeAmount = .seconds(20)) { self.limit = limit }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        pending += 1
        let tracked = promise ?? context.eventLoop.makePromise()
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        tracked.futureResult.whenComplete { _ in
            let (handler, context) = loopBound.value
            handler.pending -= 1
            if handler.pending == 0 { handler.closeNow(context) }
        }
        context.write(data, promise: tracked)
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        guard mode == .all, pending > 0, deferred == nil else {
            context.close(mode: mode, promise: promise)
            return
        }
        deferred = (mode, promise)
        context.flush()
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: limit) {
            let (handler, context) = loopBound.value
            handler.closeNow(context)
        }
    }

    private func closeNow(_ context: ChannelHandlerContext) {
        guard let (mode, promise) = deferred else { return }
        deferred = nil
        context.close(mode: mode, promise: promise)
    }
}
