package dev.dynctl.deploy;

/** A step of an API's deploy: its plan line and the calls that make it (none when it changes nothing). */
final class ApiStep implements Step {
    /** The calls of one step. */
    @FunctionalInterface
    interface Work {
        void run() throws InterruptedException;
    }

    private final Change change;
    private final Work work;

    private ApiStep(Change change, Work work) {
        this.change = change;
        this.work = work;
    }

    static ApiStep of(Change change, Work work) {
        return new ApiStep(change, change.action() == Action.NONE ? () -> { } : work);
    }

    static ApiStep unchanged(ResourceKind kind, String name) {
        return new ApiStep(Change.none(kind, name), () -> { });
    }

    @Override
    public Change change() {
        return change;
    }

    @Override
    public void apply() throws InterruptedException {
        work.run();
    }
}
