#include "index/analysis_pool.h"

namespace talash::internal {

AnalysisPool::AnalysisPool(std::size_t threads) {
  for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i) {
    workers_.emplace_back([this] { work(); });
  }
}

AnalysisPool::~AnalysisPool() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : workers_) {
    t.join();
  }
}

std::future<PreparedDocument> AnalysisPool::submit(Job job) {
  std::packaged_task<PreparedDocument(const TextAnalyzer&)> task(std::move(job));
  auto future = task.get_future();
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push_back(std::move(task));
  }
  ready_.notify_one();
  return future;
}

void AnalysisPool::work() {
  const TextAnalyzer analyzer;
  for (;;) {
    std::packaged_task<PreparedDocument(const TextAnalyzer&)> task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) {
        return;
      }
      task = std::move(jobs_.front());
      jobs_.pop_front();
    }
    task(analyzer);
  }
}

}  // namespace talash::internal
