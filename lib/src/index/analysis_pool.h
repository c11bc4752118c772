// Worker threads for indexing, each with its own TextAnalyzer (analyzers are not thread-safe and
// keep a per-thread word cache). Jobs run in any order; their futures are consumed in order.
#ifndef TALASH_INDEX_ANALYSIS_POOL_H_
#define TALASH_INDEX_ANALYSIS_POOL_H_

#include "analysis/text_analyzer.h"
#include "index/document_builder.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace talash::internal {

class AnalysisPool {
 public:
  using Job = std::function<PreparedDocument(const TextAnalyzer&)>;

  // Starts `threads` workers (at least one).
  explicit AnalysisPool(std::size_t threads);
  // Finishes queued jobs, then joins the workers.
  ~AnalysisPool();
  AnalysisPool(const AnalysisPool&) = delete;
  AnalysisPool& operator=(const AnalysisPool&) = delete;
  AnalysisPool(AnalysisPool&&) = delete;
  AnalysisPool& operator=(AnalysisPool&&) = delete;

  // Queues `job`; the future holds its result or its exception.
  std::future<PreparedDocument> submit(Job job);

 private:
  void work();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::packaged_task<PreparedDocument(const TextAnalyzer&)>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace talash::internal

#endif  // TALASH_INDEX_ANALYSIS_POOL_H_
