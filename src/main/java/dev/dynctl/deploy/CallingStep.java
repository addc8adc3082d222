package dev.dynctl.deploy;

/**
 * A step made of the calls that apply it. A step that changes nothing has no calls and sends
 * nothing.
 */
final class CallingStep implements Step {
    /** The requests (and waits) that make a change. */
    @FunctionalInterface
    interface Calls {
        void run() throws InterruptedException;
    }

    private final Change change;
    private final Calls calls;

    private CallingStep(Change change, Calls calls) {
        this.change = change;
        this.calls = calls;
    }

    static Step of(Change change, Calls calls) {
        return new CallingStep(change, calls);
    }

    static Step none(ResourceKind kind, String name) {
        return new CallingStep(Change.none(kind, name), () -> { });
    }

    @Override
    public Change change() {
        return change;
    }

    @Override
    public void apply() throws InterruptedException {
        if (change.action() != Action.NONE) {
            calls.run();
        }
    }

    @Override
    public String toString() {
        return change.toString();
    }
}
